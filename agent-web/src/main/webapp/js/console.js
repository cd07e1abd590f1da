// The console page (/agent/): takes the credential from the address, loads
// the agent and its conversations, keeps them live over the event socket, and
// — inside a host page's iframe — talks to the host through the bridge.

import { createApi, newClientMessageId, MAX_MESSAGE_LENGTH } from './api.js';
import { createSession } from './session.js';
import { createEventSocket } from './socket.js';
import { createStore, VIEWS, MESSAGE_PAGE_SIZE } from './store.js';
import { createI18n, LANGUAGES } from './i18n.js';
import { createBridge } from './bridge.js';
import { createNotifier } from './notifier.js';
import { h, setChildren, initials, reasonOf } from './views/dom.js';
import { createThreadList } from './views/thread-list.js';
import { createConversation } from './views/conversation.js';
import { createVisitorPanel } from './views/visitor-panel.js';
import { createStatusSwitch } from './views/status-switch.js';
import { createTransferDialog } from './views/transfer-dialog.js';
import { createConnectionBanner } from './views/banner.js';
import { createToaster } from './views/toast.js';

export const CONSOLE_VERSION = '1.0.0';
// How long the first list load waits for the socket's hello; loading after it
// means no event can fall between the lists and the stream.
const HELLO_WAIT_MS = 3000;
const MARK_READ_DELAY_MS = 400;
const NARROW_QUERY = '(max-width: 767px)';

const store = createStore();
const i18n = createI18n({ navigator: window.navigator, storage: () => window.localStorage });
const { t } = i18n;

const readiness = deferred();
// Handled here so a page that never signs in logs no unhandled rejection.
readiness.promise.catch(() => {});
window.__agentConsole = Object.freeze({ store, ready: readiness.promise });

const credential = takeCredential();
const el = {
  app: document.getElementById('app'),
  screen: document.getElementById('screen'),
  topbar: document.getElementById('topbar'),
  banner: document.getElementById('banner'),
  workspace: document.getElementById('workspace'),
  threads: document.getElementById('thread-pane'),
  conversation: document.getElementById('conversation-pane'),
  visitor: document.getElementById('visitor-pane'),
  toasts: document.getElementById('toasts'),
};
const toaster = createToaster({ root: el.toasts });
const notifier = createNotifier({ window, i18n });

let session = null;
let api = null;
let socket = null;
let bridge = null;
let started = false;
let ended = false;

// --- start-up ----------------------------------------------------------------

/** Reads `#credential=` into memory and takes it out of the address bar and history. */
function takeCredential() {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return null;
  const value = new URLSearchParams(hash).get('credential');
  if (value === null) return null;
  try {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  } catch {
    window.location.hash = '';
  }
  return value || null;
}

async function boot() {
  showScreen(t('app.loading'));
  let me;
  try {
    me = await api.me();
  } catch (err) {
    if (ended) return;
    showScreen(t('app.loadFailed', { reason: reasonOf(err, t) }), null, { label: t('app.retry'), run: boot });
    return;
  }
  store.setAgent(me.agent);
  session.start(me.credentialExpiresAt);
  buildWorkbench();
  hideScreen();

  bridge = createBridge({
    window,
    allowedOrigins: me.allowedOrigins,
    commands: {
      setStatus: (status) => api.setStatus(status, 'host').then((agent) => store.setAgent(agent)),
      refreshThreads: async () => {
        await lists.reload();
        bridge.unreadChanged(store.unreadSummary());
      },
      clearUnread: async (threadUid) => {
        await markRead(threadUid);
        bridge.unreadChanged(store.unreadSummary());
      },
    },
  });

  const hello = deferred();
  let firstLoadStarted = false;
  let lateHelloReload = null;
  socket = createEventSocket({
    url: socketUrl(),
    WebSocket: window.WebSocket,
    getCredential: session.getCredential,
    onHello: () => {
      // A hello after the lists were read (slow socket, or a fresh reconnect
      // that never got one) means they may miss events: read them again.
      if (firstLoadStarted) {
        lateHelloReload = lists.reload().catch((err) => toaster.show(t('app.loadFailed', { reason: reasonOf(err, t) })));
      }
      hello.resolve();
    },
    onResync: () => resync(),
    onEvent: (frame) => onServerEvent(frame),
    onStateChange: (state) => {
      store.setConnection(state);
      if (state === 'unauthorised') session.expire();
    },
  });
  socket.start();

  await Promise.race([hello.promise, delay(HELLO_WAIT_MS)]);
  firstLoadStarted = true;
  try {
    await lists.reload();
  } catch (err) {
    toaster.show(t('app.loadFailed', { reason: reasonOf(err, t) }));
  }
  if (ended) return;
  started = true;
  bridge.ready(store.agent, CONSOLE_VERSION);
  bridge.unreadChanged(store.unreadSummary());

  await hello.promise;
  if (lateHelloReload) await lateHelloReload;
  readiness.resolve();
}

function socketUrl() {
  const url = new URL('ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

// --- lists, with events held while they load ----------------------------------

const lists = (() => {
  let running = null;
  let next = null;
  let holding = 0;
  const held = [];

  async function load() {
    holding += 1;
    try {
      const [mine, queued, closed, unread] = await Promise.all([
        api.listThreads('mine'), api.listThreads('queued'), api.listThreads('closed'), api.unread(),
      ]);
      store.batch(() => {
        store.setThreads('mine', mine);
        store.setThreads('queued', queued);
        store.setThreads('closed', closed);
        store.setUnread(unread);
      });
    } finally {
      holding -= 1;
      // Events that came in while the lists were read are applied on top: each
      // sets state to what it says, so the newest one wins either way.
      if (holding === 0 && held.length) {
        const events = held.splice(0);
        store.batch(() => events.forEach((frame) => store.apply(frame)));
      }
    }
  }

  return {
    /** Loads all lists; a call during a load runs once more after it, never twice at once. */
    reload() {
      if (!running) {
        running = load().finally(() => { running = null; });
        return running;
      }
      if (!next) next = running.catch(() => {}).then(() => { next = null; return this.reload(); });
      return next;
    },
    /** Applies an event now, or after the load in progress. */
    apply(frame) {
      if (holding > 0) held.push(frame);
      else store.apply(frame);
    },
  };
})();

async function resync() {
  try {
    await lists.reload();
    const uid = store.currentUid;
    if (uid) await loadLatest(uid);
  } catch (err) {
    toaster.show(t('app.loadFailed', { reason: reasonOf(err, t) }));
  }
}

function onServerEvent(frame) {
  lists.apply(frame);
  const data = frame.data || {};
  switch (frame.type) {
    case 'new_visitor_message':
      bridge?.newVisitorThread(data.thread);
      notifier.newVisitor(data.thread);
      break;
    case 'agent_status_changed':
      bridge?.agentStatusChanged(data.status, data.agentInfo);
      break;
    case 'thread_status_changed':
      bridge?.threadStatusChanged(data.thread, data.action);
      break;
    default:
      break;
  }
}

// --- actions ---------------------------------------------------------------------

/** Marks a thread read; sets the count to zero here unless an event about it arrived meanwhile. */
async function markRead(uid) {
  const version = store.unreadVersion(uid);
  const answer = await api.markRead(uid);
  // No event about this thread came in during the request, so the server's
  // zero is the newest word; otherwise the event stream already has it right.
  if (store.unreadVersion(uid) === version) store.setUnreadCount(uid, 0);
  return answer;
}

async function loadLatest(uid) {
  const page = await api.listMessages(uid, { limit: MESSAGE_PAGE_SIZE });
  store.setLatestMessages(uid, page);
}

async function loadEarlier(uid) {
  try {
    const page = await api.listMessages(uid, { before: store.oldestMessageUid(uid) ?? undefined, limit: MESSAGE_PAGE_SIZE });
    store.prependMessages(uid, page);
  } catch (err) {
    toaster.show(t('conv.actionFailed', { reason: reasonOf(err, t) }));
  }
}

function sendMessage(uid, content) {
  const clientMessageId = newClientMessageId();
  store.addPending(uid, { clientMessageId, content });
  deliver(uid, clientMessageId, content);
}

function retryMessage(uid, clientMessageId) {
  const pending = store.pendingMessage(uid, clientMessageId);
  if (!pending) return;
  store.addPending(uid, { clientMessageId, content: pending.content });
  deliver(uid, clientMessageId, pending.content);
}

// The same client message id on every retry: the server stores it once.
function deliver(uid, clientMessageId, content) {
  api.sendMessage(uid, { clientMessageId, content }).then(
    (message) => store.addMessage(message),
    (err) => store.markFailed(uid, clientMessageId, { code: err?.code, message: reasonOf(err, t) }),
  );
}

async function threadAction(run, uid) {
  try {
    const thread = await run(uid);
    store.upsertThread(thread);
    return thread;
  } catch (err) {
    toaster.show(t('conv.actionFailed', { reason: reasonOf(err, t) }));
    return null;
  }
}

async function openThread(uid) {
  store.setCurrent(uid);
  showConversationScreen(true);
  const thread = store.thread(uid);
  loadLatest(uid).catch((err) => toaster.show(t('conv.actionFailed', { reason: reasonOf(err, t) })));
  const visitorUid = thread?.user?.uid;
  if (visitorUid) api.getVisitor(visitorUid).then((visitor) => store.setVisitor(visitor), () => {});
  scheduleMarkRead();
}

async function saveVisitor(uid, patch) {
  const visitor = await api.updateVisitor(uid, patch);
  store.batch(() => {
    store.setVisitor(visitor);
    // Lists show the nickname too.
    for (const view of VIEWS) {
      for (const thread of store.threads(view)) {
        if (thread.user?.uid === visitor.uid) store.upsertThread({ uid: thread.uid, user: { uid: visitor.uid, nickname: visitor.nickname } });
      }
    }
  });
  return visitor;
}

async function changeStatus(status) {
  try {
    store.setAgent(await api.setStatus(status, 'console'));
  } catch (err) {
    toaster.show(t('status.failed', { reason: reasonOf(err, t) }));
  }
}

// Reading a conversation on screen clears its unread count.
let markReadTimer = null;
function scheduleMarkRead() {
  clearTimeout(markReadTimer);
  markReadTimer = setTimeout(() => {
    const uid = store.currentUid;
    if (uid && store.unreadOf(uid) > 0 && conversationInView()) markRead(uid).catch(() => {});
  }, MARK_READ_DELAY_MS);
}

function conversationInView() {
  if (document.visibilityState !== 'visible') return false;
  return !window.matchMedia(NARROW_QUERY).matches || el.workspace.dataset.screen === 'conversation';
}

// --- page chrome -------------------------------------------------------------------

let threadList = null;

function buildWorkbench() {
  buildTopbar();
  threadList = createThreadList({
    root: el.threads,
    store,
    i18n,
    onSelect: (uid) => openThread(uid),
    onRefresh: () => lists.reload().catch((err) => toaster.show(t('app.loadFailed', { reason: reasonOf(err, t) }))),
  });
  const transferDialog = createTransferDialog({
    i18n,
    loadTargets: async () => {
      const [colleagues, workgroups] = await Promise.all([api.colleagues(), api.workgroups()]);
      return { colleagues, workgroups };
    },
    transfer: async (uid, target) => {
      store.upsertThread(await api.transfer(uid, target));
      if (store.viewOf(uid) === null) {
        store.setCurrent(null);
        showConversationScreen(false);
      }
    },
  });
  createConversation({
    root: el.conversation,
    store,
    i18n,
    maxLength: MAX_MESSAGE_LENGTH,
    actions: {
      back: () => showConversationScreen(false),
      showVisitor: () => toggleVisitor(true),
      loadEarlier,
      send: sendMessage,
      retry: retryMessage,
      accept: async (uid) => {
        if (await threadAction((id) => api.accept(id), uid)) threadList.setView('mine');
      },
      transfer: (uid) => transferDialog.open(uid),
      close: (uid) => threadAction((id) => api.close(id), uid),
      reopen: async (uid) => {
        if (await threadAction((id) => api.reopen(id), uid)) threadList.setView('mine');
      },
    },
  });
  createVisitorPanel({ root: el.visitor, store, i18n, save: saveVisitor, onClose: () => toggleVisitor(false) });
  const banner = createConnectionBanner({
    root: el.banner,
    store,
    i18n,
    reconnectNow: () => socket?.reconnectNow(),
    isBrowserOnline: () => window.navigator.onLine !== false,
  });

  store.subscribe((changes) => {
    if (changes.has('unread')) {
      if (started) bridge?.unreadChanged(store.unreadSummary());
      updateTitle();
      scheduleMarkRead();
    }
  });
  document.addEventListener('visibilitychange', scheduleMarkRead);
  window.addEventListener('online', () => {
    banner.render();
    socket?.reconnectNow();
  });
  window.addEventListener('offline', () => banner.render());
  // Audio may only start after the user touched the page.
  const unlock = () => notifier.unlockAudio();
  window.addEventListener('pointerdown', unlock, { once: true });
  window.addEventListener('keydown', unlock, { once: true });

  el.workspace.dataset.screen = 'list';
  el.app.hidden = false;
  el.app.removeAttribute('aria-busy');
}

const topbar = {};

function buildTopbar() {
  topbar.title = h('h1', { className: 'brand__title' });
  topbar.total = h('span', { className: 'badge badge--total', hidden: true });
  topbar.status = h('div', { className: 'topbar__status' });
  topbar.avatar = h('span', { className: 'avatar', attrs: { 'aria-hidden': 'true' } });
  topbar.name = h('span', { className: 'me__name' });
  topbar.notify = h('button', {
    className: 'button button--small',
    type: 'button',
    on: {
      click: async () => {
        await notifier.requestPermission();
        renderTopbar();
      },
    },
  });
  topbar.languageLabel = h('label', { className: 'visually-hidden', htmlFor: 'language' });
  topbar.language = h('select', {
    id: 'language',
    className: 'select',
    on: { change: () => i18n.setLanguage(topbar.language.value) },
  }, LANGUAGES.map((lang) => h('option', { value: lang }, lang === 'zh' ? '中文' : 'English')));
  topbar.logout = h('button', { className: 'button button--small', type: 'button', on: { click: logout } });
  setChildren(el.topbar,
    h('div', { className: 'brand' }, h('span', { className: 'brand__mark', attrs: { 'aria-hidden': 'true' } }, '◆'), topbar.title, topbar.total),
    topbar.status,
    h('div', { className: 'topbar__tools' },
      h('span', { className: 'me' }, topbar.avatar, topbar.name),
      topbar.notify,
      topbar.languageLabel,
      topbar.language,
      topbar.logout));
  createStatusSwitch({ root: topbar.status, store, i18n, change: changeStatus });
  store.subscribe((changes) => { if (changes.has('agent') || changes.has('unread')) renderTopbar(); });
  i18n.onChange(renderTopbar);
  renderTopbar();
}

function renderTopbar() {
  if (!topbar.title) return;
  const agent = store.agent || {};
  const name = agent.nickname || agent.username || '';
  topbar.title.textContent = t('app.title');
  topbar.avatar.textContent = initials(name);
  topbar.name.textContent = name;
  const total = store.unreadSummary().totalUnreadCount;
  topbar.total.hidden = total === 0;
  topbar.total.textContent = total > 99 ? '99+' : String(total);
  topbar.total.setAttribute('aria-label', t('app.unreadTotal', { count: total }));
  topbar.total.title = t('app.unreadTotal', { count: total });
  topbar.notify.hidden = !notifier.canAsk;
  topbar.notify.textContent = t('app.enableNotifications');
  topbar.languageLabel.textContent = t('app.language');
  topbar.language.value = i18n.language;
  topbar.logout.textContent = t('app.logout');
  updateTitle();
}

function updateTitle() {
  const total = store.unreadSummary().totalUnreadCount;
  const name = i18n.language === 'zh' ? `${t('app.title')} · Agent console` : 'Agent console';
  document.title = total > 0 ? `(${total}) ${name}` : name;
}

function applyLanguage() {
  document.documentElement.lang = i18n.locale;
  updateTitle();
}

function showConversationScreen(show) {
  el.workspace.dataset.screen = show ? 'conversation' : 'list';
  if (!show) toggleVisitor(false);
  scheduleMarkRead();
}

function toggleVisitor(open) {
  el.app.classList.toggle('visitor-open', open);
  if (open) el.visitor.querySelector('input, textarea, button')?.focus();
}

async function logout() {
  try {
    await api.logout();
  } catch {
    // Ending here anyway: the credential is dropped from memory either way.
  }
  endSession();
}

function endSession() {
  if (ended) return;
  ended = true;
  socket?.stop();
  session?.stop();
  showScreen(t('app.sessionEnded'));
  readiness.reject(new Error('session ended'));
}

function showScreen(message, hint, action) {
  el.app.hidden = true;
  el.screen.hidden = false;
  const parts = [h('h1', { className: 'screen__title' }, 'Agent console'), h('p', { className: 'screen__message' }, message)];
  if (hint) parts.push(h('p', { className: 'screen__hint' }, hint));
  if (action) parts.push(h('button', { className: 'button button--primary', type: 'button', on: { click: action.run } }, action.label));
  setChildren(el.screen, h('div', { className: 'screen__card', attrs: { role: 'alert' } }, parts));
}

function hideScreen() {
  el.screen.hidden = true;
  el.app.hidden = false;
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((ok, fail) => { resolve = ok; reject = fail; });
  return { promise, resolve, reject };
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// --- go ----------------------------------------------------------------------------

applyLanguage();
i18n.onChange(applyLanguage);

if (credential) {
  session = createSession({
    credential,
    renew: () => api.renewSession(),
    onExpired: () => endSession(),
  });
  api = createApi({
    baseUrl: new URL('.', window.location.href).href,
    fetch: (...args) => window.fetch(...args),
    getCredential: session.getCredential,
    onUnauthorised: () => session.expire(),
  });
  boot();
} else {
  showScreen(t('app.signedOut'), t('app.signInHint'));
  readiness.reject(new Error('no console credential in the address'));
}
