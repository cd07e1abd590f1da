// The console page (/agent/), and the one place its parts are put together:
// the credential (from the login's redirect, or kept from before a reload),
// the agent and its lists, the event socket that keeps them live, the views,
// and — inside a host page's iframe — the link to the host.

import { createApi, MAX_MESSAGE_LENGTH } from './api.js';
import { createSession } from './session.js';
import { createCredentialStore, signInOnLoad } from './credential-store.js';
import { createEventSocket } from './socket.js';
import { createStore } from './store.js';
import { createI18n } from './i18n.js';
import { createListLoader } from './lists.js';
import { createThreadActions } from './thread-actions.js';
import { createHostLink } from './host-link.js';
import { createNotifier } from './notifier.js';
import { h, setChildren, reasonOf } from './views/dom.js';
import { createTopbar, updatePageTitle } from './views/topbar.js';
import { createThreadList } from './views/thread-list.js';
import { createConversation } from './views/conversation.js';
import { createVisitorPanel } from './views/visitor-panel.js';
import { createTransferDialog } from './views/transfer-dialog.js';
import { createConnectionBanner } from './views/banner.js';
import { createToaster } from './views/toast.js';
import { createOfferBook, outcomeNotice } from './transfer-offers.js';
import { createOfferPanel } from './views/offer-panel.js';
import { addSupervisorLink } from './views/supervisor-link.js';
import { addAdminLink } from './views/admin-link.js';
import { createQuickReplyBook } from './quick-reply-book.js';
import { attachQuickReplies } from './views/quick-replies-composer.js';

export const CONSOLE_VERSION = '1.0.0';
// How long the first list load waits for the socket's hello; loading after it
// means no event can fall between the lists and the stream.
const HELLO_WAIT_MS = 3000;
// A first load that failed is tried again (the host gets no unread count until
// one succeeds): after 2 s, then twice as long each time, at most 30 s apart.
const FIRST_LOAD_RETRY_MS = 2000;
const MAX_FIRST_LOAD_RETRY_MS = 30000;
const MARK_READ_DELAY_MS = 400;
const NARROW_QUERY = '(max-width: 767px)';

const store = createStore();
const offers = createOfferBook({ agentUid: () => store.agent?.uid });
const i18n = createI18n({ navigator: window.navigator, storage: () => window.localStorage });
const { t } = i18n;

const readiness = deferred();
// Handled here so a page that never signs in logs no unhandled rejection.
readiness.promise.catch(() => {});
window.__agentConsole = Object.freeze({ store, ready: readiness.promise });

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
const credentials = createCredentialStore({ storage: () => window.sessionStorage });
const toast = (key) => (err) => toaster.show(t(key, { reason: reasonOf(err, t) }));

let session = null;
let api = null;
let quickReplies = null;
let actions = null;
let lists = null;
let socket = null;
let link = null;
let signedIn = false;
let listsLoadedOnce = false;
let ended = false;

// --- start-up ----------------------------------------------------------------

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
  signedIn = true;
  store.setAgent(me.agent);
  session.start(me.credentialExpiresAt);
  credentials.save(session.getCredential(), session.expiresAt);
  buildWorkbench();
  if (me.supervisor) addSupervisorLink({ topbar: el.topbar, i18n });
  if (me.admin) addAdminLink({ topbar: el.topbar, i18n });
  hideScreen();
  quickReplies.load().catch(() => {});

  link = createHostLink({
    window,
    allowedOrigins: me.allowedOrigins,
    api,
    store,
    lists,
    markRead: actions.markRead,
    version: CONSOLE_VERSION,
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
      if (firstLoadStarted) lateHelloReload = lists.reload().catch(toast('app.loadFailed'));
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
    toast('app.loadFailed')(err);
    retryFirstLoad(FIRST_LOAD_RETRY_MS);
  }
  if (ended) return;
  link.start();

  await hello.promise;
  if (lateHelloReload) await lateHelloReload;
  readiness.resolve();
}

function retryFirstLoad(wait) {
  setTimeout(() => {
    if (ended || listsLoadedOnce) return;
    lists.reload().catch(() => retryFirstLoad(Math.min(wait * 2, MAX_FIRST_LOAD_RETRY_MS)));
  }, wait);
}

function socketUrl() {
  const url = new URL('ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

async function resync() {
  try {
    await lists.resync();
    link?.resynced();
    const uid = store.currentUid;
    if (uid) await actions.loadLatest(uid);
  } catch (err) {
    toast('app.loadFailed')(err);
  }
}

function onServerEvent(frame) {
  lists.apply(frame);
  offers.apply(frame);
  link?.serverEvent(frame);
  if (frame.type === 'new_visitor_message') notifier.newVisitor(frame.data?.thread);
}

// --- reading a conversation ----------------------------------------------------------

function openThread(uid) {
  store.setCurrent(uid);
  showConversationScreen(true);
  const thread = store.thread(uid);
  actions.loadLatest(uid).catch(toast('conv.actionFailed'));
  const visitorUid = thread?.user?.uid;
  if (visitorUid) api.getVisitor(visitorUid).then((visitor) => store.setVisitor(visitor), () => {});
  scheduleMarkRead();
}

// Reading a conversation on screen clears its unread count.
let markReadTimer = null;
function scheduleMarkRead() {
  clearTimeout(markReadTimer);
  markReadTimer = setTimeout(() => {
    const uid = store.currentUid;
    if (uid && store.unreadOf(uid) > 0 && conversationInView()) actions.markRead(uid).catch(() => {});
  }, MARK_READ_DELAY_MS);
}

function conversationInView() {
  if (document.visibilityState !== 'visible') return false;
  return !window.matchMedia(NARROW_QUERY).matches || el.workspace.dataset.screen === 'conversation';
}

// --- page chrome -------------------------------------------------------------------

function buildWorkbench() {
  createTopbar({
    root: el.topbar, store, i18n, notifier, document, changeStatus: actions.changeStatus, logout,
  });
  const threadList = createThreadList({
    root: el.threads,
    store,
    i18n,
    onSelect: (uid) => openThread(uid),
    onRefresh: () => lists.reload().catch(toast('app.loadFailed')),
  });
  const transferDialog = createTransferDialog({
    i18n,
    loadTargets: async () => {
      const [colleagues, workgroups] = await Promise.all([api.colleagues(), api.workgroups()]);
      return { colleagues, workgroups };
    },
    transfer: async (uid, target) => {
      const answer = await api.transfer(uid, target);
      // To a colleague it is an offer: the thread stays here until they accept.
      if (target.agentUid) {
        offers.upsert(answer);
        toaster.show(t('offer.sent', { name: answer?.to?.nickname ?? '' }), 'info');
        return;
      }
      store.upsertThread(answer);
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
    decorateComposer: attachQuickReplies({
      book: quickReplies, i18n, maxLength: MAX_MESSAGE_LENGTH, notify: (text) => toaster.show(text),
    }),
    actions: {
      back: () => showConversationScreen(false),
      showVisitor: () => toggleVisitor(true),
      loadEarlier: actions.loadEarlier,
      send: actions.sendMessage,
      retry: actions.retryMessage,
      accept: async (uid) => {
        if (await actions.changeThread((id) => api.accept(id), uid)) threadList.setView('mine');
      },
      transfer: (uid) => transferDialog.open(uid),
      close: (uid) => actions.changeThread((id) => api.close(id), uid),
      reopen: async (uid) => {
        if (await actions.changeThread((id) => api.reopen(id), uid)) threadList.setView('mine');
      },
    },
  });
  createOfferPanel({
    book: offers,
    i18n,
    report: (text) => toaster.show(text),
    accept: async (offer) => offers.upsert(await api.acceptOffer(offer.uid)),
    decline: async (offer) => offers.upsert(await api.declineOffer(offer.uid)),
    cancel: async (offer) => offers.upsert(await api.cancelOffer(offer.uid)),
  });
  offers.subscribe((pending, settled) => {
    const notice = outcomeNotice(settled, store.agent?.uid);
    if (notice) toaster.show(t(notice.key, notice.params), 'info');
  });
  createVisitorPanel({ root: el.visitor, store, i18n, save: actions.saveVisitor, onClose: () => toggleVisitor(false) });
  const banner = createConnectionBanner({
    root: el.banner,
    store,
    i18n,
    reconnectNow: () => socket?.reconnectNow(),
    isBrowserOnline: () => window.navigator.onLine !== false,
  });

  store.subscribe((changes) => {
    if (changes.has('unread')) scheduleMarkRead();
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

function applyLanguage() {
  document.documentElement.lang = i18n.locale;
  updatePageTitle({ document, store, i18n });
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
    // Ending here anyway: the credential is dropped either way.
  }
  endSession();
}

/** Logout, or the server refused the credential (401): forget it everywhere. */
function endSession() {
  if (ended) return;
  ended = true;
  credentials.clear();
  socket?.stop();
  session?.stop();
  link?.destroy();
  // A credential refused before the console ever loaded (one kept from an
  // earlier page that has since expired) means the agent is simply not signed in.
  if (signedIn) showScreen(t('app.sessionEnded'));
  else showScreen(t('app.signedOut'), t('app.signInHint'));
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

const signIn = signInOnLoad(window, credentials);

if (signIn) {
  session = createSession({
    credential: signIn.credential,
    expiresAt: signIn.expiresAt,
    renew: () => api.renewSession(),
    onRenewed: (answer) => credentials.save(answer.credential, answer.expiresAt),
    onExpired: () => endSession(),
  });
  api = createApi({
    baseUrl: new URL('.', window.location.href).href,
    fetch: (...args) => window.fetch(...args),
    getCredential: session.getCredential,
    onUnauthorised: () => session.expire(),
  });
  quickReplies = createQuickReplyBook({ api });
  actions = createThreadActions({
    api,
    store,
    report: (key, err) => toast(key)(err),
    describe: (err) => reasonOf(err, t),
  });
  lists = createListLoader({
    api,
    store,
    onLoaded: () => {
      listsLoadedOnce = true;
      // Offers are read with the lists (and again after a resync); events keep them current.
      api.pendingOffers().then((pending) => offers.setPending(pending), () => {});
      link?.listsLoaded();
    },
  });
  boot();
} else {
  showScreen(t('app.signedOut'), t('app.signInHint'));
  readiness.reject(new Error('not signed in'));
}
