// The supervisor page (/agent/supervisor.html), opened from the console in the
// same tab: it reads the credential the console kept, loads the board once
// over REST and then follows it on its own console socket (board=1), which
// carries a fresh board at most once a second while anything changes.

import { createApi } from './api.js';
import { createSupervisorApi } from './supervisor-api.js';
import { createSession } from './session.js';
import { createCredentialStore, signInOnLoad } from './credential-store.js';
import { createEventSocket } from './socket.js';
import { createI18n, LANGUAGES } from './i18n.js';
import { supervisorMessages } from './supervisor-i18n.js';
import { emptyBoardState, applyBoard, applyMove } from './supervisor-board.js';
import { createSupervisorView } from './views/supervisor-view.js';
import { createToaster } from './views/toast.js';
import { h, setChildren, reasonOf, formatTime } from './views/dom.js';

const i18n = createI18n({ navigator: window.navigator, storage: () => window.localStorage, messages: supervisorMessages() });
const { t } = i18n;
const el = {
  app: document.getElementById('app'),
  screen: document.getElementById('screen'),
  board: document.getElementById('board'),
  title: document.getElementById('sup-title'),
  connection: document.getElementById('sup-connection'),
  language: document.getElementById('language'),
  languageLabel: document.getElementById('language-label'),
  back: document.getElementById('sup-back'),
};
const toaster = createToaster({ root: document.getElementById('toasts') });
const credentials = createCredentialStore({ storage: () => window.sessionStorage });

let state = emptyBoardState();
let connection = 'connecting';
let session = null;
let socket = null;
let view = null;
let ended = false;
// For tests and the curious: the newest board and the socket's state.
window.__supervisorView = { get state() { return state; }, get connection() { return connection; } };

function showScreen(message) {
  el.app.hidden = true;
  el.screen.hidden = false;
  setChildren(el.screen, h('div', { className: 'screen__card', attrs: { role: 'alert' } },
    h('h1', { className: 'screen__title' }, t('sup.title')),
    h('p', { className: 'screen__message' }, message),
    h('p', { className: 'screen__hint' }, h('a', { attrs: { href: './' } }, t('sup.back')))));
}

function renderChrome() {
  document.documentElement.lang = i18n.locale;
  document.title = t('sup.title');
  el.title.textContent = t('sup.title');
  el.back.textContent = t('sup.back');
  el.languageLabel.textContent = t('app.language');
  el.language.value = i18n.language;
  const updated = state.board ? t('sup.updated', { time: formatTime(state.receivedAt, i18n.locale) }) : '';
  el.connection.textContent = connection === 'online' ? `● ${t('sup.live')} · ${updated}`
    : connection === 'connecting' ? t('sup.connecting') : t('sup.reconnecting');
  el.connection.dataset.state = connection;
}

function show(next) {
  state = next;
  view?.render(state);
  renderChrome();
}

function receiveBoard(board) {
  show(applyBoard(state, board, Date.now()));
}

async function act(change, done) {
  try {
    const thread = await change();
    show(applyMove(state, thread));
    toaster.show(done, 'info');
  } catch (err) {
    toaster.show(t('sup.failed', { reason: reasonOf(err, t) }));
  }
}

async function boot(api, supervisors) {
  let me;
  try {
    me = await api.me();
  } catch (err) {
    if (!ended) showScreen(t('app.loadFailed', { reason: reasonOf(err, t) }));
    return;
  }
  if (!me.supervisor) {
    showScreen(t('sup.notSupervisor'));
    return;
  }
  session.start(me.credentialExpiresAt);
  credentials.save(session.getCredential(), session.expiresAt);
  view = createSupervisorView({
    root: el.board,
    i18n,
    onAssign: (uid, agentUid, agentName) =>
      act(() => supervisors.assign(uid, agentUid), t('sup.assigned', { agent: agentName })),
    onMove: (uid, workgroupUid, workgroupName) =>
      act(() => supervisors.move(uid, workgroupUid), t('sup.moved', { workgroup: workgroupName })),
  });
  el.screen.hidden = true;
  el.app.hidden = false;
  el.app.removeAttribute('aria-busy');

  const url = new URL('ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '?board=1';
  url.hash = '';
  socket = createEventSocket({
    url: url.href,
    WebSocket: window.WebSocket,
    getCredential: session.getCredential,
    onOther: (frame) => { if (frame.type === 'board' && frame.data) receiveBoard(frame.data); },
    onStateChange: (next) => {
      connection = next;
      renderChrome();
      if (next === 'unauthorised') session.expire();
    },
  });
  socket.start();
  try {
    receiveBoard(await supervisors.board());
  } catch (err) {
    toaster.show(t('sup.failed', { reason: reasonOf(err, t) }));
  }
  setInterval(() => view.tick(), 1000);
}

function endSession() {
  if (ended) return;
  ended = true;
  credentials.clear();
  socket?.stop();
  session?.stop();
  showScreen(t('app.sessionEnded'));
}

el.language.replaceChildren(...LANGUAGES.map((lang) => h('option', { value: lang }, lang === 'zh' ? '中文' : 'English')));
el.language.addEventListener('change', () => i18n.setLanguage(el.language.value));
i18n.onChange(() => show(state));
renderChrome();

const signIn = signInOnLoad(window, credentials);
if (signIn) {
  session = createSession({
    credential: signIn.credential,
    expiresAt: signIn.expiresAt,
    renew: () => api.renewSession(),
    onRenewed: (answer) => credentials.save(answer.credential, answer.expiresAt),
    onExpired: () => endSession(),
  });
  const baseUrl = new URL('.', window.location.href).href;
  const common = {
    baseUrl,
    fetch: (...args) => window.fetch(...args),
    getCredential: session.getCredential,
    onUnauthorised: () => session.expire(),
  };
  const api = createApi(common);
  boot(api, createSupervisorApi(common));
} else {
  showScreen(t('app.signedOut'));
}
