// The left pane: tabs for my / queued / closed conversations and the list of
// the chosen one, with unread badges.

import { VIEWS } from '../store.js';
import { h, setChildren, formatTime, initials } from './dom.js';
import { threadStatusKey } from '../close-reasons.js';

export function createThreadList({ root, store, i18n, onSelect, onRefresh }) {
  const { t } = i18n;
  let view = 'mine';

  const tabs = new Map();
  const tabList = h('div', { className: 'tabs', attrs: { role: 'tablist' }, on: { keydown: onTabKey } });
  for (const name of VIEWS) {
    const label = h('span', { className: 'tab__label' });
    const count = h('span', { className: 'tab__count' });
    const badge = h('span', { className: 'badge', hidden: true });
    const tab = h('button', {
      className: 'tab',
      type: 'button',
      id: `tab-${name}`,
      attrs: { role: 'tab', 'aria-controls': 'thread-list' },
      dataset: { view: name },
      on: { click: () => setView(name) },
    }, label, count, badge);
    tabs.set(name, { tab, label, count, badge });
    tabList.appendChild(tab);
  }
  const refresh = h('button', { className: 'icon-button', type: 'button', on: { click: () => onRefresh?.() } }, '↻');
  const list = h('ul', { className: 'thread-list' });
  const empty = h('p', { className: 'empty', hidden: true });
  const panel = h('div', { className: 'thread-panel', id: 'thread-list', attrs: { role: 'tabpanel' } }, list, empty);
  setChildren(root, h('div', { className: 'pane__head' }, tabList, refresh), panel);

  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
  function onTabKey(event) {
    const index = VIEWS.indexOf(view);
    let next = null;
    if (event.key === 'ArrowRight') next = VIEWS[(index + 1) % VIEWS.length];
    else if (event.key === 'ArrowLeft') next = VIEWS[(index + VIEWS.length - 1) % VIEWS.length];
    if (!next) return;
    event.preventDefault();
    setView(next);
    tabs.get(next).tab.focus();
  }

  function setView(next) {
    if (!VIEWS.includes(next)) return;
    view = next;
    render();
  }

  function render() {
    refresh.title = t('list.refresh');
    refresh.setAttribute('aria-label', t('list.refresh'));
    tabList.setAttribute('aria-label', t('app.title'));
    for (const name of VIEWS) {
      const { tab, label, count, badge } = tabs.get(name);
      const threads = store.threads(name);
      label.textContent = t(`view.${name}`);
      count.textContent = threads.length ? ` ${threads.length}` : '';
      const unread = threads.reduce((sum, thread) => sum + store.unreadOf(thread.uid), 0);
      badge.hidden = unread === 0;
      badge.textContent = unread > 99 ? '99+' : String(unread);
      badge.setAttribute('aria-label', t('list.unread', { count: unread }));
      tab.setAttribute('aria-selected', String(name === view));
      tab.tabIndex = name === view ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `tab-${view}`);
    const threads = store.threads(view);
    // The list is rebuilt; keep keyboard focus on the same conversation.
    const focusedUid = list.contains(document.activeElement) ? document.activeElement.dataset.uid : undefined;
    setChildren(list, threads.map(item));
    if (focusedUid) list.querySelector(`button[data-uid="${CSS.escape(focusedUid)}"]`)?.focus();
    empty.hidden = threads.length > 0;
    empty.textContent = t(`list.empty.${view}`);
  }

  // Unknown enum values from a newer server show as they are.
  function label(key, raw) {
    const text = t(key);
    return text === key ? String(raw) : text;
  }

  function item(thread) {
    const unread = store.unreadOf(thread.uid);
    const current = store.currentUid === thread.uid;
    const name = thread.user?.nickname || thread.uid;
    const badge = unread > 0
      ? h('span', { className: 'badge', attrs: { 'aria-label': t('list.unread', { count: unread }) } }, unread > 99 ? '99+' : String(unread))
      : null;
    const button = h('button', {
      className: `thread${current ? ' thread--current' : ''}${unread > 0 ? ' thread--unread' : ''}`,
      type: 'button',
      attrs: { 'aria-current': current ? 'true' : null },
      dataset: { uid: thread.uid },
      on: { click: () => onSelect?.(thread.uid) },
    },
    h('span', { className: 'avatar', attrs: { 'aria-hidden': 'true' } }, initials(name)),
    h('span', { className: 'thread__body' },
      h('span', { className: 'thread__row' },
        h('span', { className: 'thread__name' }, name),
        h('time', { className: 'thread__time' }, formatTime(thread.lastMessageAt || thread.updatedAt || thread.createdAt, i18n.locale))),
      thread.topic ? h('span', { className: 'thread__topic' }, thread.topic) : null,
      h('span', { className: 'thread__row' },
        h('span', { className: 'thread__preview' }, thread.content || t('list.noPreview')),
        badge),
      h('span', { className: 'thread__chips' },
        thread.type ? h('span', { className: 'chip' }, label(`type.${thread.type}`, thread.type)) : null,
        // The chip stays short; a closed thread's reason is its tooltip.
        thread.status ? h('span', { className: `chip chip--${String(thread.status).toLowerCase()}`, attrs: { title: label(threadStatusKey(thread), thread.status) } }, label(`thread.${thread.status}`, thread.status)) : null)));
    return h('li', {}, button);
  }

  store.subscribe((changes) => {
    if (changes.has('threads') || changes.has('unread') || changes.has('current')) render();
  });
  i18n.onChange(render);
  render();

  return Object.freeze({
    render,
    setView,
    get view() { return view; },
  });
}
