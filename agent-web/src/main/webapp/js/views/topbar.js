// The console's header: name and total unread, the status switch, the agent,
// notifications, language and logout. Also keeps the page title's unread count.

import { h, setChildren, initials } from './dom.js';
import { createStatusSwitch } from './status-switch.js';
import { LANGUAGES } from '../i18n.js';

export function createTopbar({ root, store, i18n, notifier, document: doc, changeStatus, logout }) {
  const { t } = i18n;
  const title = h('h1', { className: 'brand__title' });
  const total = h('span', { className: 'badge badge--total', hidden: true });
  const status = h('div', { className: 'topbar__status' });
  const avatar = h('span', { className: 'avatar', attrs: { 'aria-hidden': 'true' } });
  const name = h('span', { className: 'me__name' });
  const notify = h('button', {
    className: 'button button--small',
    type: 'button',
    on: {
      click: async () => {
        await notifier.requestPermission();
        render();
      },
    },
  });
  const languageLabel = h('label', { className: 'visually-hidden', htmlFor: 'language' });
  const language = h('select', {
    id: 'language',
    className: 'select',
    on: { change: () => i18n.setLanguage(language.value) },
  }, LANGUAGES.map((lang) => h('option', { value: lang }, lang === 'zh' ? '中文' : 'English')));
  const logoutButton = h('button', { className: 'button button--small', type: 'button', on: { click: logout } });
  setChildren(root,
    h('div', { className: 'brand' }, h('span', { className: 'brand__mark', attrs: { 'aria-hidden': 'true' } }, '◆'), title, total),
    status,
    h('div', { className: 'topbar__tools' },
      h('span', { className: 'me' }, avatar, name),
      notify,
      languageLabel,
      language,
      logoutButton));
  createStatusSwitch({ root: status, store, i18n, change: changeStatus });
  store.subscribe((changes) => { if (changes.has('agent') || changes.has('unread')) render(); });
  i18n.onChange(render);

  function render() {
    const agent = store.agent || {};
    const agentName = agent.nickname || agent.username || '';
    title.textContent = t('app.title');
    avatar.textContent = initials(agentName);
    name.textContent = agentName;
    const count = store.unreadSummary().totalUnreadCount;
    total.hidden = count === 0;
    total.textContent = count > 99 ? '99+' : String(count);
    total.setAttribute('aria-label', t('app.unreadTotal', { count }));
    total.title = t('app.unreadTotal', { count });
    notify.hidden = !notifier.canAsk;
    notify.textContent = t('app.enableNotifications');
    languageLabel.textContent = t('app.language');
    language.value = i18n.language;
    logoutButton.textContent = t('app.logout');
    updatePageTitle({ document: doc, store, i18n });
  }

  render();
  return Object.freeze({ render });
}

/** "(3) Agent console": the unread total in the tab's title. */
export function updatePageTitle({ document: doc, store, i18n }) {
  const { t } = i18n;
  const count = store.unreadSummary().totalUnreadCount;
  const name = i18n.language === 'zh' ? `${t('app.title')} · Agent console` : 'Agent console';
  doc.title = count > 0 ? `(${count}) ${name}` : name;
}
