// Keeping quick replies: a dialog listing the agent's own and the
// organisation's, with a form to add or edit one. Personal replies are the
// agent's to change; the organisation's only a supervisor's (the server
// decides, and says so per reply with `editable`). An edit sends the version
// it started from, so one made meanwhile elsewhere is not overwritten.

import { h, setChildren, reasonOf } from './dom.js';
import { preview } from '../quick-replies.js';

export const MAX_SHORTCUT = 32;

export function createQuickReplyManager({ book, i18n, maxLength = 4000 }) {
  const { t } = i18n;
  let editing = null;

  const heading = h('h2', { id: 'quick-manager-title' });
  const hint = h('p', { className: 'quick-manager__hint' });
  const list = h('ul', { className: 'quick-manager__list' });
  const formTitle = h('h3', {});
  const scopeLabel = h('label', { htmlFor: 'quick-scope' });
  const scope = h('select', { id: 'quick-scope', className: 'select' },
    h('option', { value: 'PERSONAL' }), h('option', { value: 'ORGANISATION' }));
  const scopeField = h('div', { className: 'field' }, scopeLabel, scope);
  const shortcutLabel = h('label', { htmlFor: 'quick-shortcut' });
  const shortcut = h('input', { id: 'quick-shortcut', type: 'text', maxLength: MAX_SHORTCUT, autocomplete: 'off', required: true });
  const shortcutHint = h('span', { className: 'field__hint', id: 'quick-shortcut-hint' });
  shortcut.setAttribute('aria-describedby', 'quick-shortcut-hint');
  const contentLabel = h('label', { htmlFor: 'quick-content' });
  const content = h('textarea', { id: 'quick-content', rows: 4, maxLength, required: true });
  const feedback = h('p', { className: 'form__feedback', attrs: { role: 'status' } });
  const cancelEdit = h('button', { className: 'button', type: 'button', on: { click: () => startNew() } });
  const save = h('button', { className: 'button button--primary', type: 'submit' });
  const closeButton = h('button', { className: 'button', type: 'button', on: { click: () => dialog.close() } });
  const form = h('form', { className: 'quick-manager__form', on: { submit: onSubmit } },
    formTitle, scopeField,
    h('div', { className: 'field' }, shortcutLabel, shortcut, shortcutHint),
    h('div', { className: 'field' }, contentLabel, content),
    h('div', { className: 'dialog__actions' }, cancelEdit, save));
  const dialog = h('dialog', { className: 'dialog quick-manager', attrs: { 'aria-labelledby': 'quick-manager-title' } },
    h('div', { className: 'dialog__body' }, heading, hint, list, form, feedback,
      h('div', { className: 'dialog__actions' }, closeButton)));
  document.body.appendChild(dialog);

  const button = h('button', { className: 'button button--small quick-manager__open', type: 'button', on: { click: () => open() } });

  function labels() {
    button.textContent = t('quick.open');
    heading.textContent = t('quick.title');
    hint.textContent = t('quick.hint');
    scopeLabel.textContent = t('quick.scope');
    scope.options[0].textContent = t('quick.scope.PERSONAL');
    scope.options[1].textContent = t('quick.scope.ORGANISATION');
    shortcutLabel.textContent = t('quick.shortcut');
    shortcutHint.textContent = t('quick.shortcutHint');
    contentLabel.textContent = t('quick.content');
    cancelEdit.textContent = t('quick.cancelEdit');
    save.textContent = t('quick.save');
    closeButton.textContent = t('quick.close');
    formTitle.textContent = editing ? t('quick.editing', { shortcut: editing.shortcut }) : t('quick.new');
  }

  function renderList() {
    const replies = book.replies;
    setChildren(list, replies.length ? replies.map((reply) => h('li', { className: 'quick-manager__item' },
      h('div', { className: 'quick-manager__line' },
        h('span', { className: 'quick-picker__shortcut' }, `/${reply.shortcut}`),
        h('span', { className: 'quick-picker__scope' }, t(`quick.scope.${reply.scope}`)),
        reply.editable ? h('span', { className: 'quick-manager__tools' },
          h('button', { className: 'button button--small', type: 'button', on: { click: () => startEdit(reply) } }, t('quick.edit')),
          h('button', { className: 'button button--small button--danger', type: 'button', on: { click: () => remove(reply) } }, t('quick.delete')))
          : null),
      h('p', { className: 'quick-manager__text' }, preview(reply.content, 160))))
      : h('li', { className: 'empty' }, t('quick.empty')));
  }

  function render() {
    labels();
    renderList();
    scopeField.hidden = Boolean(editing) || !book.mayManageOrganisation;
    cancelEdit.hidden = !editing;
  }

  function startNew() {
    editing = null;
    scope.value = 'PERSONAL';
    shortcut.value = '';
    content.value = '';
    render();
  }

  function startEdit(reply) {
    editing = reply;
    shortcut.value = reply.shortcut;
    content.value = reply.content;
    feedback.textContent = '';
    render();
    shortcut.focus();
  }

  async function onSubmit(event) {
    event.preventDefault();
    const fields = { shortcut: shortcut.value.trim(), content: content.value };
    if (fields.shortcut === '') {
      shortcut.focus();
      return;
    }
    if (content.value.trim() === '') {
      content.focus();
      return;
    }
    save.disabled = true;
    feedback.textContent = '';
    try {
      if (editing) await book.update(editing.uid, { ...fields, version: editing.version });
      else await book.create({ ...fields, scope: scopeField.hidden ? 'PERSONAL' : scope.value });
      feedback.textContent = t('quick.saved');
      startNew();
    } catch (err) {
      feedback.textContent = err?.code === 'stale_version' ? t('quick.stale')
        : t('quick.failed', { reason: reasonOf(err, t) });
      // The book has reloaded: the list shows the other edit; the agent's text
      // stays in the form, and saving it again now knowingly replaces that edit.
      if (editing && (err?.code === 'stale_version' || err?.status === 404)) {
        const fresh = book.replies.find((reply) => reply.uid === editing.uid);
        if (fresh) editing = fresh;
        else editing = null;
        render();
      }
    } finally {
      save.disabled = false;
    }
  }

  async function remove(reply) {
    feedback.textContent = '';
    try {
      await book.remove(reply.uid);
      if (editing?.uid === reply.uid) startNew();
      feedback.textContent = t('quick.deleted', { shortcut: reply.shortcut });
    } catch (err) {
      feedback.textContent = t('quick.failed', { reason: reasonOf(err, t) });
    }
  }

  async function open() {
    startNew();
    feedback.textContent = '';
    if (!dialog.open) dialog.showModal();
    try {
      await book.load();
    } catch (err) {
      feedback.textContent = t('quick.loadFailed', { reason: reasonOf(err, t) });
    }
  }

  book.subscribe(() => { if (dialog.open) render(); });
  i18n.onChange(() => { labels(); if (dialog.open) render(); });
  labels();
  return Object.freeze({ button, open, close: () => dialog.close() });
}
