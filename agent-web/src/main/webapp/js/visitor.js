// The visitor's chat page (/agent/visitor/?workgroup=<uid>): pick a name,
// open a thread, chat with the agent live. The visitor token is kept in
// sessionStorage (when the page may use it) so a reload continues the chat;
// every answer may bring a renewed token, which replaces it (an unused token
// expires). Refusals are explained: busy, try later, chat ended.

import { createVisitorApi, newClientMessageId, MAX_MESSAGE_LENGTH } from './api.js';
import { backoffDelay, POLICY_VIOLATION } from './socket.js';
import { createI18n, safeStorage } from './i18n.js';
import { h, setChildren, formatTime, reasonOf } from './views/dom.js';
import { noticeForError, noticeForSocketClose, agentsOnlineKey, renewingFetch } from './visitor-notices.js';
import { visitorClosedKey } from './close-reasons.js';

const DEFAULT_WORKGROUP = 'wg-sales';
const MAX_NICKNAME = 100;
const MAX_TOPIC = 200;

const params = new URLSearchParams(window.location.search);
const workgroupUid = params.get('workgroup') || DEFAULT_WORKGROUP;
const storage = safeStorage(() => window.sessionStorage);
const storageKey = `agent-visitor:${workgroupUid}`;
const i18n = createI18n({ navigator: window.navigator, storage: () => window.localStorage });
const { t } = i18n;

// What survives a reload: who we are and which thread is open.
let saved = readSaved();
let chat = null;
let confirmed = [];
let pending = [];
let live = null;

const api = createVisitorApi({
  baseUrl: new URL('..', window.location.href).href,
  fetch: renewingFetch((...args) => window.fetch(...args), (token) => {
    saved = { ...saved, visitorToken: token };
    writeSaved();
  }),
  getToken: () => saved.visitorToken,
});

// --- page skeleton ------------------------------------------------------------

const el = {
  title: h('h1', { className: 'v-title' }),
  availability: h('p', { className: 'v-availability' }),
  language: h('select', { className: 'select', attrs: { 'aria-label': 'Language / 语言' }, on: { change: () => i18n.setLanguage(el.language.value) } },
    h('option', { value: 'zh' }, '中文'), h('option', { value: 'en' }, 'English')),
  banner: h('p', { className: 'v-banner', attrs: { role: 'status' }, hidden: true }),
  startForm: null,
  chat: null,
};

const nickname = h('input', { id: 'v-nickname', type: 'text', maxLength: MAX_NICKNAME, required: true, autocomplete: 'nickname' });
const topic = h('input', { id: 'v-topic', type: 'text', maxLength: MAX_TOPIC, autocomplete: 'off' });
const nicknameLabel = h('label', { htmlFor: 'v-nickname' });
const topicLabel = h('label', { htmlFor: 'v-topic' });
const startButton = h('button', { className: 'button button--primary', type: 'submit' });
const startFeedback = h('p', { className: 'form__feedback', attrs: { role: 'alert' } });
el.startForm = h('form', { className: 'v-start', on: { submit: onStart } },
  h('div', { className: 'field' }, nicknameLabel, nickname),
  h('div', { className: 'field' }, topicLabel, topic),
  startButton,
  startFeedback);

const statusLine = h('p', { className: 'v-status', attrs: { role: 'status' } });
const list = h('ol', { className: 'messages' });
const scroller = h('div', { className: 'v-scroll', attrs: { role: 'log', 'aria-live': 'polite', tabindex: '0' } }, list);
const input = h('textarea', { id: 'v-input', className: 'composer__input', rows: 2, maxLength: MAX_MESSAGE_LENGTH, on: { keydown: onKey } });
const inputLabel = h('label', { className: 'visually-hidden', htmlFor: 'v-input' });
const sendButton = h('button', { className: 'button button--primary', type: 'submit' });
const composer = h('form', { className: 'composer', on: { submit: onSend } }, inputLabel, input, h('div', { className: 'composer__bar' }, h('span', { className: 'composer__hint' }), sendButton));
const leaveButton = h('button', { className: 'button button--danger button--small', type: 'button', on: { click: onLeave } });
const newChatButton = h('button', { className: 'button button--primary', type: 'button', hidden: true, on: { click: onNewChat } });
el.chat = h('section', { className: 'v-chat', hidden: true },
  h('div', { className: 'v-chat__bar' }, statusLine, leaveButton),
  scroller,
  h('div', { className: 'v-chat__end' }, newChatButton),
  composer);

setChildren(document.getElementById('visitor-app'),
  h('header', { className: 'v-head' }, h('div', {}, el.title, el.availability), el.language),
  el.banner,
  el.startForm,
  el.chat);

function renderText() {
  document.documentElement.lang = i18n.locale;
  document.title = t('visitor.page.title');
  el.language.value = i18n.language;
  nicknameLabel.textContent = t('visitor.page.nickname');
  topicLabel.textContent = t('visitor.page.topic');
  startButton.textContent = t('visitor.page.start');
  input.placeholder = t('visitor.page.placeholder');
  inputLabel.textContent = t('visitor.page.placeholder');
  sendButton.textContent = t('composer.send');
  leaveButton.textContent = t('visitor.page.leave');
  newChatButton.textContent = t('visitor.page.newChat');
  el.banner.textContent = t('visitor.page.reconnecting');
  renderWorkgroup();
  renderStatus();
  renderMessages();
}
i18n.onChange(renderText);

// --- workgroup ------------------------------------------------------------------

let workgroup = null;
let workgroupMissing = false;

async function loadWorkgroup() {
  try {
    workgroup = await api.workgroup(workgroupUid);
  } catch (err) {
    workgroupMissing = err?.status === 404;
    if (!workgroupMissing) startFeedback.textContent = t('visitor.page.failed', { reason: reasonOf(err, t) });
  }
  renderWorkgroup();
}

function renderWorkgroup() {
  el.title.textContent = workgroup?.name || t('visitor.page.title');
  if (workgroupMissing) {
    el.availability.textContent = t('visitor.page.unknownWorkgroup');
    el.startForm.hidden = true;
  } else if (workgroup) {
    el.availability.textContent = workgroup.agentsOnline > 0
      ? t(agentsOnlineKey(workgroup.agentsOnline), { count: workgroup.agentsOnline })
      : t('visitor.page.noAgents');
  } else {
    el.availability.textContent = '';
  }
}

// --- starting a chat ------------------------------------------------------------------

async function onStart(event) {
  event.preventDefault();
  const name = nickname.value.trim();
  if (!name) {
    nickname.focus();
    return;
  }
  startButton.disabled = true;
  startButton.textContent = t('visitor.page.starting');
  startFeedback.textContent = '';
  try {
    const request = { workgroupUid, nickname: name, topic: topic.value.trim() || undefined };
    let answer;
    try {
      answer = await api.openThread({ ...request, visitorToken: saved.visitorToken || undefined });
    } catch (err) {
      // The old token expired: start as a new visitor rather than not at all.
      if (err?.code !== 'token_expired' && err?.status !== 401) throw err;
      saved = { ...saved, visitorToken: undefined };
      answer = await api.openThread(request);
    }
    saved = {
      visitorToken: answer.visitorToken,
      visitorUid: answer.visitorUid,
      threadUid: answer.thread.uid,
      status: answer.thread.status,
      nickname: name,
    };
    writeSaved();
    enterChat(answer.thread);
  } catch (err) {
    const notice = noticeForError(err);
    startFeedback.textContent = notice ? t(notice.key) : t('visitor.page.failed', { reason: reasonOf(err, t) });
  } finally {
    startButton.disabled = false;
    startButton.textContent = t('visitor.page.start');
  }
}

function enterChat(thread) {
  chat = { uid: thread.uid, status: thread.status || 'QUEUED', ended: null, closeReason: thread.closeReason ?? null };
  confirmed = [];
  pending = [];
  el.startForm.hidden = true;
  el.chat.hidden = false;
  renderStatus();
  renderMessages();
  fetchMissed().finally(() => connect());
  input.focus();
}

// --- messages ---------------------------------------------------------------------

async function fetchMissed() {
  if (!chat) return;
  const uid = chat.uid;
  try {
    const answer = await api.messagesAfter(uid, confirmed.at(-1)?.uid);
    if (chat?.uid !== uid) return;
    for (const message of answer?.messages || []) addMessage(message);
  } catch (err) {
    if (endedBy(noticeForError(err))) return;
    if (err?.status === 401 || err?.status === 403 || err?.status === 404) lostThread();
  }
}

function addMessage(message) {
  if (!message || typeof message.uid !== 'string' || message.threadUid !== chat?.uid) return;
  pending = pending.filter((p) => p.clientMessageId !== message.clientMessageId || !message.clientMessageId);
  if (!confirmed.some((m) => m.uid === message.uid)) {
    let index = confirmed.length;
    while (index > 0 && confirmed[index - 1].createdAt > message.createdAt) index -= 1;
    confirmed.splice(index, 0, message);
  }
  renderMessages();
}

function renderMessages() {
  const atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  setChildren(list, [...confirmed, ...pending].map(messageElement));
  if (atEnd) scroller.scrollTop = scroller.scrollHeight;
}

function messageElement(message) {
  const own = message.senderKind === 'VISITOR';
  const kind = own ? 'visitor-own' : String(message.senderKind || 'SYSTEM').toLowerCase();
  const meta = [h('time', {}, formatTime(message.createdAt, i18n.locale))];
  if (message.state === 'pending') meta.push(h('span', {}, t('message.pending')));
  if (message.state === 'failed') {
    meta.push(h('span', { className: 'msg__state--failed' }, t('message.failed')));
    meta.push(h('button', { className: 'button button--small', type: 'button', on: { click: () => deliver(message.clientMessageId) } }, t('message.retry')));
  }
  return h('li', { className: `msg msg--${kind} msg--${message.state || 'sent'}` },
    h('div', { className: 'msg__bubble' }, message.content ?? ''),
    h('div', { className: 'msg__meta' }, meta));
}

function onKey(event) {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
  event.preventDefault();
  composer.requestSubmit ? composer.requestSubmit() : onSend(event);
}

function onSend(event) {
  event.preventDefault();
  const content = input.value.trim();
  if (!chat || chat.status === 'CLOSED' || content === '' || content.length > MAX_MESSAGE_LENGTH) return;
  input.value = '';
  const clientMessageId = newClientMessageId();
  pending.push({ clientMessageId, content, senderKind: 'VISITOR', createdAt: Date.now(), state: 'pending' });
  scroller.scrollTop = scroller.scrollHeight;
  deliver(clientMessageId);
}

// Retries reuse the client message id, so the server stores the message once.
async function deliver(clientMessageId) {
  const item = pending.find((p) => p.clientMessageId === clientMessageId);
  if (!item || !chat) return;
  item.state = 'pending';
  renderMessages();
  try {
    addMessage(await api.sendMessage(chat.uid, { clientMessageId, content: item.content }));
    if (live?.socket?.readyState === 1) el.banner.hidden = true;
  } catch (err) {
    item.state = 'failed';
    item.error = reasonOf(err, t);
    const notice = noticeForError(err);
    if (!endedBy(notice) && notice) showBanner(t(notice.key));
    renderMessages();
  }
}

// A refusal that ends the chat (closed for good, token expired) ends it on the page too.
function endedBy(notice) {
  if (notice?.kind !== 'ended' && notice?.kind !== 'expired') return false;
  if (chat) chat.ended = notice.kind;
  setStatus('CLOSED');
  return true;
}

function showBanner(text) {
  el.banner.textContent = text;
  el.banner.hidden = false;
}

// --- status -------------------------------------------------------------------------

function setStatus(status, closeReason) {
  if (!chat || !status) return;
  chat.status = status;
  if (closeReason !== undefined) chat.closeReason = closeReason;
  // A reload shows the last status we heard (the visitor API has no thread read), and why it closed.
  saved = { ...saved, status, closeReason: chat.closeReason };
  writeSaved();
  renderStatus();
  if (status === 'CLOSED') stopLive();
}

function renderStatus() {
  if (!chat) return;
  const closed = chat.status === 'CLOSED';
  statusLine.textContent = closed ? t(chat.ended === 'expired' ? 'visitor.page.expired' : visitorClosedKey(chat.closeReason))
    : chat.status === 'CHATTING' ? t('visitor.page.connected') : t('visitor.page.waiting');
  composer.hidden = closed;
  leaveButton.hidden = closed;
  newChatButton.hidden = !closed;
}

async function onLeave() {
  if (!chat) return;
  leaveButton.disabled = true;
  try {
    const thread = await api.close(chat.uid);
    setStatus(thread?.status || 'CLOSED', thread?.closeReason);
  } catch (err) {
    const notice = noticeForError(err);
    if (!endedBy(notice)) showBanner(notice ? t(notice.key) : t('visitor.page.failed', { reason: reasonOf(err, t) }));
  } finally {
    leaveButton.disabled = false;
  }
}

function onNewChat() {
  stopLive();
  chat = null;
  saved = { ...saved, threadUid: undefined, status: undefined, closeReason: undefined };
  writeSaved();
  el.chat.hidden = true;
  el.startForm.hidden = workgroupMissing;
  nickname.value = saved.nickname || '';
  topic.value = '';
  nickname.focus();
}

// The token no longer opens this thread: start over, as the same visitor if it still works.
function lostThread() {
  stopLive();
  saved = { ...saved, threadUid: undefined, status: undefined, closeReason: undefined };
  writeSaved();
  chat = null;
  el.chat.hidden = true;
  el.startForm.hidden = workgroupMissing;
  nickname.value = saved.nickname || '';
}

// --- live updates ---------------------------------------------------------------------

function connect() {
  if (!chat || chat.status === 'CLOSED' || live) return;
  live = { socket: null, attempt: 0, timer: null, stopped: false, uid: chat.uid };
  open(live);
}

function open(state) {
  if (state.stopped) return;
  const url = new URL('ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ token: saved.visitorToken || '', thread: state.uid }).toString();
  let socket;
  try {
    socket = new WebSocket(url.href);
  } catch {
    retry(state);
    return;
  }
  state.socket = socket;
  socket.onopen = () => {
    state.attempt = 0;
    el.banner.hidden = true;
    // Whatever was said while we were away.
    fetchMissed();
  };
  socket.onmessage = (message) => {
    let frame;
    try {
      frame = JSON.parse(message.data);
    } catch {
      return;
    }
    if (frame?.type === 'message_created') addMessage(frame.data?.message);
    else if (frame?.type === 'thread_status_changed' && frame.data?.thread?.uid === chat?.uid) setStatus(frame.data.thread.status, frame.data.thread.closeReason);
  };
  socket.onclose = (event) => {
    state.socket = null;
    if (state.stopped) return;
    const notice = noticeForSocketClose(event.code);
    if (notice?.kind === 'lost' || event.code === POLICY_VIOLATION) {
      lostThread();
      return;
    }
    if (endedBy(notice)) return;
    el.banner.textContent = t('visitor.page.reconnecting');
    el.banner.hidden = false;
    retry(state);
  };
}

function retry(state) {
  if (state.stopped) return;
  state.timer = setTimeout(() => open(state), backoffDelay(state.attempt, Math.random));
  state.attempt += 1;
}

function stopLive() {
  if (!live) return;
  live.stopped = true;
  clearTimeout(live.timer);
  try { live.socket?.close(1000); } catch { /* already closed */ }
  live = null;
  el.banner.hidden = true;
}

window.addEventListener('online', () => {
  if (live && !live.socket) {
    clearTimeout(live.timer);
    open(live);
  }
});

// --- storage --------------------------------------------------------------------------

function readSaved() {
  try {
    const value = JSON.parse(storage.get(storageKey) || 'null');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function writeSaved() {
  storage.set(storageKey, JSON.stringify(saved));
}

// --- go ---------------------------------------------------------------------------------

renderText();
loadWorkgroup();
if (saved.threadUid && saved.visitorToken) {
  enterChat({ uid: saved.threadUid, status: saved.status || 'QUEUED', closeReason: saved.closeReason });
} else {
  nickname.value = saved.nickname || '';
}
