// The middle pane: one conversation's header and actions, its messages (with
// "load earlier" paging) and the reply composer.

import { h, setChildren, formatTime, initials } from './dom.js';
import { threadStatusKey } from '../close-reasons.js';

const HELD = new Set(['ASSIGNED', 'CHATTING']);
// Within this distance of the bottom the view follows new messages.
const STICK_PX = 80;

export function createConversation({ root, store, i18n, maxLength = 4000, actions, decorateComposer }) {
  const { t } = i18n;
  const drafts = new Map();
  const rendered = new Map();
  let renderedUid = null;
  let renderedKeys = [];
  let scrollToEnd = false;
  let loadingEarlier = false;

  // --- skeleton, built once ------------------------------------------------
  const placeholder = h('div', { className: 'conv-empty' }, h('p', {}));

  const back = h('button', { className: 'icon-button back-button', type: 'button', on: { click: () => actions.back() } }, '←');
  const avatar = h('span', { className: 'avatar avatar--large', attrs: { 'aria-hidden': 'true' } });
  const title = h('h2', { className: 'conv__name' });
  const meta = h('p', { className: 'conv__meta' });
  const buttons = {
    accept: actionButton('conv.accept', 'button--primary', (uid) => actions.accept(uid)),
    transfer: actionButton('conv.transfer', '', (uid) => actions.transfer(uid)),
    close: actionButton('conv.close', 'button--danger', (uid) => actions.close(uid)),
    reopen: actionButton('conv.reopen', '', (uid) => actions.reopen(uid)),
  };
  const visitorButton = h('button', { className: 'button visitor-toggle', type: 'button', on: { click: () => actions.showVisitor() } });
  const head = h('header', { className: 'conv__head' },
    back, avatar,
    h('div', { className: 'conv__title' }, title, meta),
    h('div', { className: 'conv__actions' }, buttons.accept, buttons.transfer, buttons.close, buttons.reopen, visitorButton));

  const earlier = h('button', { className: 'button button--quiet load-earlier', type: 'button', on: { click: loadEarlier } });
  const status = h('p', { className: 'conv__status' });
  const list = h('ol', { className: 'messages' });
  const scroller = h('div', { className: 'conv__scroll', attrs: { role: 'log', 'aria-live': 'polite', tabindex: '0' } }, earlier, status, list);

  const textarea = h('textarea', {
    className: 'composer__input',
    rows: 3,
    maxLength,
    id: 'composer-input',
    on: { keydown: onComposerKey, input: onComposerInput },
  });
  const counter = h('span', { className: 'composer__counter', attrs: { 'aria-live': 'polite' } });
  const hint = h('span', { className: 'composer__hint' });
  const send = h('button', { className: 'button button--primary', type: 'submit' });
  const bar = h('div', { className: 'composer__bar' }, hint, counter, send);
  const composer = h('form', { className: 'composer', on: { submit: onSubmit } },
    h('label', { className: 'visually-hidden', htmlFor: 'composer-input' }),
    textarea,
    bar);

  const conv = h('div', { className: 'conv' }, head, scroller, composer);
  setChildren(root, placeholder, conv);
  // Additions to the composer (quick replies) bring their own elements and listeners.
  decorateComposer?.({ textarea, form: composer, bar });

  function actionButton(key, modifier, run) {
    const button = h('button', { className: `button ${modifier}`.trim(), type: 'button', dataset: { key } });
    button.addEventListener('click', async () => {
      const uid = store.currentUid;
      if (!uid || button.disabled) return;
      button.disabled = true;
      try {
        await run(uid);
      } finally {
        button.disabled = false;
        render();
      }
    });
    return button;
  }

  // --- composer ------------------------------------------------------------

  function onComposerKey(event) {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME
    // candidate (Chinese input) must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    composer.requestSubmit ? composer.requestSubmit() : onSubmit(event);
  }

  function onComposerInput() {
    if (renderedUid) drafts.set(renderedUid, textarea.value);
    updateCounter();
  }

  function updateCounter() {
    const length = textarea.value.length;
    counter.textContent = t('composer.counter', { count: length, max: maxLength });
    counter.classList.toggle('composer__counter--warn', length > maxLength * 0.95);
    hint.textContent = length > maxLength ? t('composer.tooLong', { max: maxLength }) : '';
  }

  function onSubmit(event) {
    event.preventDefault();
    const uid = store.currentUid;
    if (!uid || textarea.disabled) return;
    const content = textarea.value.trim();
    if (content === '') return;
    if (content.length > maxLength) {
      hint.textContent = t('composer.tooLong', { max: maxLength });
      return;
    }
    textarea.value = '';
    drafts.delete(uid);
    updateCounter();
    scrollToEnd = true;
    actions.send(uid, content);
    textarea.focus();
  }

  async function loadEarlier() {
    const uid = store.currentUid;
    if (!uid || loadingEarlier) return;
    loadingEarlier = true;
    earlier.disabled = true;
    try {
      await actions.loadEarlier(uid);
    } finally {
      loadingEarlier = false;
      render();
    }
  }

  // --- rendering -----------------------------------------------------------

  function isMine(thread) {
    const me = store.agent?.uid;
    return Boolean(me) && thread.agentUid === me;
  }

  function render() {
    const uid = store.currentUid;
    const thread = uid ? store.thread(uid) : null;
    placeholder.hidden = Boolean(thread);
    conv.hidden = !thread;
    placeholder.firstChild.textContent = t('conv.none');
    if (!thread) {
      renderedUid = null;
      return;
    }
    const switched = uid !== renderedUid;
    if (switched) {
      renderedUid = uid;
      rendered.clear();
      renderedKeys = [];
      textarea.value = drafts.get(uid) || '';
      scrollToEnd = true;
    }
    renderHead(thread);
    renderMessages(uid);
    renderComposer(thread);
  }

  function renderHead(thread) {
    const name = thread.user?.nickname || thread.uid;
    back.title = t('conv.back');
    back.setAttribute('aria-label', t('conv.back'));
    avatar.textContent = initials(name);
    title.textContent = name;
    const parts = [];
    if (thread.topic) parts.push(thread.topic);
    if (thread.type) parts.push(label(`type.${thread.type}`, thread.type));
    if (thread.status) parts.push(label(threadStatusKey(thread), thread.status));
    const mine = isMine(thread);
    if (HELD.has(thread.status) && !mine) parts.push(t('thread.otherAgent'));
    meta.textContent = parts.join(' · ');

    const show = {
      accept: thread.status === 'QUEUED' || (thread.status === 'ASSIGNED' && mine),
      transfer: HELD.has(thread.status) && mine,
      close: HELD.has(thread.status) && mine,
      reopen: thread.status === 'CLOSED' && (mine || thread.agentUid == null),
    };
    for (const [name, button] of Object.entries(buttons)) {
      button.hidden = !show[name];
      button.textContent = t(button.dataset.key);
    }
    visitorButton.textContent = t('conv.visitorInfo');
  }

  function renderMessages(uid) {
    const { items, hasMore, loaded } = store.messages(uid);
    const distanceFromEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    const atEnd = distanceFromEnd < STICK_PX;
    const keys = items.map(keyOf);
    // Older messages arrived above: keep the ones being read where they are.
    const prepended = renderedKeys.length > 0 && keys[0] !== renderedKeys[0] && keys.includes(renderedKeys[0]);

    earlier.hidden = !hasMore;
    earlier.disabled = loadingEarlier;
    earlier.textContent = t('conv.loadEarlier');
    status.hidden = loaded && items.length > 0;
    status.textContent = loaded ? t('conv.noMessages') : t('conv.loading');

    const nodes = items.map((message) => {
      const key = keyOf(message);
      const signature = `${message.state}|${message.error?.message ?? ''}|${i18n.language}`;
      const known = rendered.get(key);
      if (known && known.signature === signature) return known.el;
      const el = messageElement(message);
      rendered.set(key, { el, signature });
      return el;
    });
    const keep = new Set(keys);
    for (const key of [...rendered.keys()]) if (!keep.has(key)) rendered.delete(key);
    // Touch only what changed: a text selection survives unrelated updates,
    // and the live region announces just the new messages.
    const current = [...list.children];
    const prefix = current.length <= nodes.length && current.every((node, i) => nodes[i] === node);
    if (prefix) list.append(...nodes.slice(current.length));
    else list.replaceChildren(...nodes);
    renderedKeys = keys;

    if (scrollToEnd || (atEnd && !prepended)) {
      scroller.scrollTop = scroller.scrollHeight;
      scrollToEnd = false;
    } else if (prepended) {
      scroller.scrollTop = scroller.scrollHeight - scroller.clientHeight - distanceFromEnd;
    }
  }

  function messageElement(message) {
    const me = store.agent?.uid;
    const kind = String(message.senderKind || 'SYSTEM').toLowerCase();
    const own = message.senderKind === 'AGENT' && (message.uid === null || message.senderUid === me);
    const sender = message.senderKind === 'VISITOR' ? t('message.visitor')
      : message.senderKind === 'AGENT' ? (own ? t('message.you') : t('message.agent'))
        : t('message.system');
    const metaParts = [h('span', { className: 'msg__sender' }, sender), h('time', {}, formatTime(message.createdAt, i18n.locale))];
    if (message.state === 'pending') metaParts.push(h('span', { className: 'msg__state' }, t('message.pending')));
    if (message.state === 'failed') {
      metaParts.push(h('span', { className: 'msg__state msg__state--failed', attrs: { title: message.error?.message } }, t('message.failed')));
      metaParts.push(h('button', {
        className: 'button button--small',
        type: 'button',
        on: { click: () => actions.retry(message.threadUid, message.clientMessageId) },
      }, t('message.retry')));
    }
    return h('li', { className: `msg msg--${kind}${own ? ' msg--own' : ''} msg--${message.state || 'sent'}` },
      h('div', { className: 'msg__bubble' }, message.content ?? ''),
      h('div', { className: 'msg__meta' }, metaParts));
  }

  function renderComposer(thread) {
    const enabled = HELD.has(thread.status) && isMine(thread);
    textarea.disabled = !enabled;
    send.disabled = !enabled;
    send.textContent = t('composer.send');
    textarea.placeholder = enabled ? t('composer.placeholder') : t('composer.disabled');
    composer.querySelector('label').textContent = t('composer.placeholder');
    updateCounter();
  }

  function label(key, raw) {
    const text = t(key);
    return text === key ? String(raw) : text;
  }

  store.subscribe((changes) => {
    if (changes.has('current') || changes.has('messages') || changes.has('threads') || changes.has('agent')) render();
  });
  i18n.onChange(() => {
    rendered.clear();
    render();
  });
  render();

  return Object.freeze({
    render,
    focusComposer: () => textarea.focus(),
  });
}

function keyOf(message) {
  return message.uid ? `u:${message.uid}` : `c:${message.clientMessageId}`;
}
