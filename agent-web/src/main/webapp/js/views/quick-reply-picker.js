// The suggestion list under "/" in the composer: an ARIA listbox the textarea
// points into with aria-activedescendant, so focus never leaves the text and
// screen readers announce the highlighted reply. The rules (what is a query,
// what matches, what each key does, the text after inserting) are in
// ../quick-replies.js; this only wires them to the DOM. Replies are text and
// go in as text (textarea.value, text nodes), never as markup.

import { h, setChildren } from './dom.js';
import { slashQueryAt, filterReplies, suggestionKey, insertReply, preview } from '../quick-replies.js';

let instances = 0;

export function createQuickReplyPicker({ textarea, container, book, i18n, maxLength = Infinity, onTooLong }) {
  const { t } = i18n;
  instances += 1;
  const id = `quick-replies-${instances}`;
  const list = h('ul', { className: 'quick-picker', id, hidden: true, attrs: { role: 'listbox' } });
  // Keeps focus in the textarea when an option is clicked.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  // A textbox takes aria-autocomplete, aria-controls and aria-activedescendant
  // (aria-expanded is a combobox's, and a textarea is not one); the opening and
  // the number of matches are announced through a status line instead.
  const status = h('span', { className: 'visually-hidden quick-picker__status', attrs: { role: 'status' } });
  container.append(list, status);
  textarea.setAttribute('aria-autocomplete', 'list');
  textarea.setAttribute('aria-controls', id);

  let trigger = null;
  let matches = [];
  let active = 0;
  // Escape closes the list for this "/" until it is gone (typing on does not reopen it).
  let dismissedAt = null;

  function isOpen() {
    return !list.hidden;
  }

  function update() {
    const caret = textarea.selectionStart;
    const found = textarea.disabled || caret !== textarea.selectionEnd ? null : slashQueryAt(textarea.value, caret);
    if (!found) {
      dismissedAt = null;
      close();
      return;
    }
    if (found.start === dismissedAt) {
      close();
      return;
    }
    book.refreshIfStale();
    // A changed query highlights the best match again; the same one (the list
    // reloaded, the caret moved) keeps the reply the agent moved to.
    const previous = trigger && trigger.start === found.start && trigger.query === found.query
      ? matches[active]?.uid : undefined;
    trigger = found;
    matches = filterReplies(book.replies, found.query);
    if (matches.length === 0) {
      close();
      return;
    }
    const kept = previous === undefined ? -1 : matches.findIndex((reply) => reply.uid === previous);
    active = kept >= 0 ? kept : 0;
    render();
  }

  function render() {
    list.setAttribute('aria-label', t('quick.suggestions'));
    setChildren(list, matches.map((reply, index) => {
      const option = h('li', {
        className: 'quick-picker__option',
        id: `${id}-${index}`,
        attrs: { role: 'option', 'aria-selected': index === active ? 'true' : 'false' },
        on: { click: () => choose(index) },
      },
      h('span', { className: 'quick-picker__shortcut' }, `/${reply.shortcut}`),
      reply.scope === 'ORGANISATION' ? h('span', { className: 'quick-picker__scope' }, t('quick.scope.ORGANISATION')) : null,
      h('span', { className: 'quick-picker__preview' }, preview(reply.content)));
      return option;
    }));
    list.hidden = false;
    const announcement = t('quick.count', { count: matches.length });
    if (status.textContent !== announcement) status.textContent = announcement;
    textarea.setAttribute('aria-activedescendant', `${id}-${active}`);
    list.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }

  function close() {
    trigger = null;
    matches = [];
    active = 0;
    if (!isOpen()) return;
    list.hidden = true;
    setChildren(list);
    status.textContent = '';
    textarea.removeAttribute('aria-activedescendant');
  }

  function choose(index) {
    const reply = matches[index];
    if (!reply || !trigger) return;
    const result = insertReply(textarea.value, trigger, reply.content, maxLength);
    if (!result) {
      onTooLong?.();
      return;
    }
    close();
    textarea.value = result.text;
    textarea.setSelectionRange(result.caret, result.caret);
    textarea.focus();
    // The composer keeps its draft and counter from input events.
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // Captured on the container, so the list sees Enter before the composer
  // (whose Enter sends) and can keep it.
  container.addEventListener('keydown', (event) => {
    if (event.target !== textarea || !isOpen()) return;
    if (event.isComposing || event.keyCode === 229) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const step = suggestionKey(event.key, { active, count: matches.length });
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    if (step.action === 'move') {
      active = step.active;
      render();
    } else if (step.action === 'choose') {
      choose(step.active);
    } else if (step.action === 'close') {
      dismissedAt = trigger?.start ?? null;
      close();
    }
  }, true);
  textarea.addEventListener('input', update);
  textarea.addEventListener('click', update);
  textarea.addEventListener('keyup', (event) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) update();
  });
  textarea.addEventListener('blur', () => close());
  book.subscribe(() => { if (isOpen() || document.activeElement === textarea) update(); });
  i18n.onChange(() => { if (isOpen()) render(); });

  return Object.freeze({ close, get open() { return isOpen(); } });
}
