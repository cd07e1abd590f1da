// The right pane: who the current conversation's visitor is, with the
// nickname and notes the agent may edit (PATCH /api/v1/visitors/{uid}).

import { h, setChildren, formatDateTime, initials, reasonOf } from './dom.js';

export const MAX_NICKNAME = 100;
export const MAX_NOTES = 4000;

export function createVisitorPanel({ root, store, i18n, save, onClose }) {
  const { t } = i18n;
  let shownUid = null;
  let dirty = false;

  const heading = h('h2', { className: 'pane__title', id: 'visitor-title' });
  const close = h('button', { className: 'icon-button visitor-close', type: 'button', on: { click: () => onClose?.() } }, '×');
  const none = h('p', { className: 'empty' });
  const avatar = h('span', { className: 'avatar avatar--large', attrs: { 'aria-hidden': 'true' } });
  const nicknameLabel = h('label', { htmlFor: 'visitor-nickname' });
  const nickname = h('input', { id: 'visitor-nickname', type: 'text', maxLength: MAX_NICKNAME, autocomplete: 'off', on: { input: markDirty } });
  const notesLabel = h('label', { htmlFor: 'visitor-notes' });
  const notes = h('textarea', { id: 'visitor-notes', rows: 6, maxLength: MAX_NOTES, on: { input: markDirty } });
  const firstSeenLabel = h('dt', {});
  const firstSeen = h('dd', {});
  const lastSeenLabel = h('dt', {});
  const lastSeen = h('dd', {});
  const submit = h('button', { className: 'button button--primary', type: 'submit' });
  const feedback = h('p', { className: 'form__feedback', attrs: { role: 'status' } });
  const form = h('form', { className: 'visitor-form', on: { submit: onSubmit } },
    h('div', { className: 'visitor-form__id' }, avatar),
    h('div', { className: 'field' }, nicknameLabel, nickname),
    h('div', { className: 'field' }, notesLabel, notes),
    h('dl', { className: 'facts' }, firstSeenLabel, firstSeen, lastSeenLabel, lastSeen),
    h('div', { className: 'form__actions' }, submit),
    feedback);
  setChildren(root, h('div', { className: 'pane__head' }, heading, close), none, form);
  root.setAttribute('aria-labelledby', 'visitor-title');

  function markDirty() {
    dirty = true;
    feedback.textContent = '';
  }

  async function onSubmit(event) {
    event.preventDefault();
    const uid = shownUid;
    if (!uid) return;
    const name = nickname.value.trim();
    if (name === '') {
      nickname.focus();
      return;
    }
    submit.disabled = true;
    feedback.textContent = '';
    try {
      await save(uid, { nickname: name, notes: notes.value });
      dirty = false;
      feedback.textContent = t('visitor.saved');
      render();
    } catch (err) {
      feedback.textContent = t('visitor.saveFailed', { reason: reasonOf(err, t) });
    } finally {
      submit.disabled = false;
    }
  }

  function visitorUidOfCurrent() {
    const thread = store.currentUid ? store.thread(store.currentUid) : null;
    return thread?.user?.uid ?? null;
  }

  function render() {
    heading.textContent = t('visitor.title');
    close.title = t('visitor.close');
    close.setAttribute('aria-label', t('visitor.close'));
    none.textContent = t('visitor.none');
    nicknameLabel.textContent = t('visitor.nickname');
    notesLabel.textContent = t('visitor.notes');
    firstSeenLabel.textContent = t('visitor.firstSeen');
    lastSeenLabel.textContent = t('visitor.lastSeen');
    submit.textContent = t('visitor.save');

    const uid = visitorUidOfCurrent();
    const thread = store.currentUid ? store.thread(store.currentUid) : null;
    const visitor = uid ? store.visitor(uid) : null;
    none.hidden = Boolean(uid);
    form.hidden = !uid;
    if (!uid) {
      shownUid = null;
      return;
    }
    if (uid !== shownUid) {
      shownUid = uid;
      dirty = false;
      feedback.textContent = '';
    }
    const name = visitor?.nickname ?? thread?.user?.nickname ?? '';
    avatar.textContent = initials(name);
    // Never overwrite what the agent is typing with a background update.
    if (!dirty) {
      nickname.value = name;
      notes.value = visitor?.notes ?? '';
    }
    firstSeen.textContent = formatDateTime(visitor?.firstSeenAt, i18n.locale);
    lastSeen.textContent = formatDateTime(visitor?.lastSeenAt, i18n.locale);
    nickname.disabled = !visitor;
    notes.disabled = !visitor;
    submit.disabled = !visitor;
  }

  store.subscribe((changes) => {
    if (changes.has('current') || changes.has('visitor') || changes.has('threads')) render();
  });
  i18n.onChange(render);
  render();

  return Object.freeze({ render, focus: () => nickname.focus() });
}
