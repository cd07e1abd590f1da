// The iframe contract between the agent console and the page that embeds it
// (spec/bridge-protocol.md §2–§5). DOM-free on purpose: everything it touches
// (window, timers, clock, logger, the console's commands) is injected, so
// `node --test` can drive it with fakes.

import { normaliseOrigin } from '../sdk/origin.js';

export { normaliseOrigin };

const SOURCE = 'bytedesk-desktop';

export const AGENT_STATUSES = Object.freeze(['AVAILABLE', 'BUSY', 'OFFLINE']);
export const THREAD_ACTIONS = Object.freeze(['queued', 'assigned', 'accepted', 'transferred', 'closed', 'reopened']);

// The host's badge must not be flooded by a burst of socket events, but it must
// end on the true count: at most one unread post per window, trailing edge kept.
export const UNREAD_INTERVAL_MS = 200;

const MAX_THREAD_UID_LENGTH = 100;
// Request ids are echoed back; a cap keeps a hostile host from making us copy megabytes.
const MAX_REQUEST_ID_LENGTH = 128;
const MAX_ERROR_LENGTH = 500;
const MAX_LOGGED_LENGTH = 80;
// Notifications raised before console_ready wait for it (a host may want to
// hear of a visitor who arrived during start-up); a cap keeps a stalled start
// from growing without bound.
const MAX_HELD_NOTICES = 100;

class Refusal extends Error {}

// Commands the host may send. Each parser reads only what it needs and returns
// [consoleFunction, argument]; it throws a Refusal for anything malformed.
const COMMAND_PARSERS = new Map([
  ['update_agent_status', (data) => ['setStatus', parseStatus(data)]],
  ['update_agent_status_available', () => ['setStatus', 'AVAILABLE']],
  ['update_agent_status_busy', () => ['setStatus', 'BUSY']],
  ['update_agent_status_offline', () => ['setStatus', 'OFFLINE']],
  ['refresh_threads', () => ['refreshThreads', undefined]],
  ['clear_unread_count', (data) => ['clearUnread', parseThreadUid(data)]],
]);

const INERT = Object.freeze({
  active: false,
  announced: false,
  origins: Object.freeze([]),
  unreadChanged: () => false,
  newVisitorThread: () => false,
  agentStatusChanged: () => false,
  threadStatusChanged: () => false,
  transferOfferChanged: () => false,
  ready: () => false,
  destroy: () => {},
});

/**
 * Starts the bridge when the console runs inside a frame; otherwise returns an
 * inert object so the console can call it unconditionally.
 */
export function createBridge({
  window: win,
  allowedOrigins,
  commands = {},
  logger = globalThis.console,
  now = Date.now,
  setTimeout: setTimer = globalThis.setTimeout,
  clearTimeout: clearTimer = globalThis.clearTimeout,
} = {}) {
  const log = quietLogger(logger);
  if (!isFramed(win)) return INERT;

  const origins = readAllowList(allowedOrigins, log);
  if (origins.size === 0) log.warn('[bridge] no allowed host origins: the console will talk to no host');

  let destroyed = false;
  // Contract §3: console_ready is the first thing a host hears, and commands
  // are heard from then on.
  let announced = false;
  const heldNotices = [];
  let lastUnreadPostAt = -Infinity;
  let pendingUnread = null;
  let unreadTimer = null;

  // The host origin is not known up front, and a postMessage whose targetOrigin
  // does not match the parent is dropped by the browser: posting once per
  // allow-listed origin reaches the real host without ever using '*'.
  function broadcast(type, data) {
    if (destroyed) return false;
    if (!announced) return false;
    const message = envelope(type, data);
    let posted = false;
    for (const origin of origins) posted = postTo(origin, message) || posted;
    return posted;
  }

  function postTo(origin, message) {
    try {
      win.parent.postMessage(message, origin);
      return true;
    } catch (err) {
      // DataCloneError (a function in the payload) or a detached parent.
      log.warn(`[bridge] could not post ${message.type} to ${origin}:`, errorText(err));
      return false;
    }
  }

  function envelope(type, data) {
    return { type, data, timestamp: now(), source: SOURCE };
  }

  function unreadChanged(snapshot) {
    // Before console_ready a count is not posted; the console posts an exact
    // one after it.
    if (destroyed || !announced) return false;
    if (!isPlainObject(snapshot)) {
      log.warn('[bridge] unreadChanged needs { totalUnreadCount, unreadThreads }');
      return false;
    }
    // Copy now: the caller's store may mutate the object before the trailing post.
    const data = { totalUnreadCount: snapshot.totalUnreadCount, unreadThreads: snapshot.unreadThreads };
    const wait = lastUnreadPostAt + UNREAD_INTERVAL_MS - now();
    if (unreadTimer === null && wait <= 0) return postUnread(data);
    pendingUnread = data;
    if (unreadTimer === null) unreadTimer = setTimer(flushUnread, Math.max(wait, 0));
    return true;
  }

  function flushUnread() {
    unreadTimer = null;
    const data = pendingUnread;
    pendingUnread = null;
    if (data) postUnread(data);
  }

  function postUnread(data) {
    lastUnreadPostAt = now();
    return broadcast('unread_message_count', data);
  }

  function threadStatusChanged(thread, action) {
    if (!THREAD_ACTIONS.includes(action)) {
      log.warn('[bridge] refused thread_status_changed with unknown action', describe(action));
      return false;
    }
    return notice('thread_status_changed', { thread, action });
  }

  // A status event before console_ready is not held: console_ready carries the
  // agent as it is by then, and an older status after it would contradict it.
  function agentStatusChanged(status, agentInfo) {
    if (!AGENT_STATUSES.includes(status)) {
      log.warn('[bridge] refused agent_status_changed with unknown status', describe(status));
      return false;
    }
    return broadcast('agent_status_changed', { status, agentInfo });
  }

  function notice(type, data) {
    if (destroyed) return false;
    if (announced) return broadcast(type, data);
    if (heldNotices.length >= MAX_HELD_NOTICES) heldNotices.shift();
    heldNotices.push([type, data]);
    return true;
  }

  function ready(agentInfo, version) {
    if (destroyed || announced) return false;
    announced = true;
    const posted = broadcast('console_ready', { agentInfo, version });
    for (const [type, data] of heldNotices.splice(0)) broadcast(type, data);
    win.addEventListener('message', onMessage);
    return posted;
  }

  // Never lets hostile input escape: a throw here would surface as an uncaught
  // error in the console page for every junk message a host or extension sends.
  function onMessage(event) {
    try {
      handleMessage(event);
    } catch (err) {
      log.warn('[bridge] dropped an unreadable message:', errorText(err));
    }
  }

  function handleMessage(event) {
    if (destroyed) return;
    const origin = event.origin;
    if (event.source !== win.parent || typeof origin !== 'string' || !origins.has(origin)) {
      // Foreign senders learn nothing, not even that we refused.
      log.warn('[bridge] ignored a message from', describe(origin), '(not the parent frame on the allow-list)');
      return;
    }
    const message = event.data;
    if (!isPlainObject(message)) {
      log.warn('[bridge] ignored a message that is not an object:', describe(message));
      return;
    }
    const requestId = readRequestId(message);
    let call;
    try {
      call = parseCommand(message);
    } catch (err) {
      const reason = err instanceof Refusal ? err.message : 'unreadable command';
      log.warn('[bridge] refused command:', reason);
      if (requestId !== undefined) reply(origin, requestId, false, reason);
      return;
    }
    run(call).then(
      () => { if (requestId !== undefined) reply(origin, requestId, true); },
      (err) => {
        log.warn(`[bridge] ${call[0]} failed:`, errorText(err));
        if (requestId !== undefined) reply(origin, requestId, false, errorText(err));
      },
    );
  }

  function run([name, argument]) {
    // The executor runs synchronously, so the command starts at once and a
    // synchronous throw becomes a rejection like a server refusal.
    return new Promise((resolve) => {
      const fn = commands[name];
      if (typeof fn !== 'function') throw new Error(`console cannot ${name}`);
      resolve(argument === undefined ? fn.call(commands) : fn.call(commands, argument));
    });
  }

  function reply(origin, requestId, ok, error) {
    if (destroyed) return;
    const data = ok ? { requestId, ok: true } : { requestId, ok: false, error: truncate(error, MAX_ERROR_LENGTH) };
    // Only to the origin that asked, which has already passed the allow-list.
    postTo(origin, envelope('command_result', data));
  }

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    win.removeEventListener('message', onMessage);
    heldNotices.length = 0;
    if (unreadTimer !== null) clearTimer(unreadTimer);
    unreadTimer = null;
    pendingUnread = null;
  }

  return Object.freeze({
    active: true,
    origins: Object.freeze([...origins]),
    unreadChanged,
    get announced() { return announced; },
    newVisitorThread: (thread) => notice('new_visitor_message', { thread }),
    /** (ext) A transfer offer to or from this agent was made or ended; the thread moves only on accept. */
    transferOfferChanged: (offer) => notice('transfer_offer_changed', { offer }),
    agentStatusChanged,
    threadStatusChanged,
    /** Posts console_ready, then what was held for it, and starts hearing commands. Once only. */
    ready,
    destroy,
  });
}

function readAllowList(allowedOrigins, log) {
  const entries = typeof allowedOrigins === 'string' ? allowedOrigins.split(',')
    : Array.isArray(allowedOrigins) ? allowedOrigins : [];
  const origins = new Set();
  for (const entry of entries) {
    const origin = normaliseOrigin(entry);
    if (origin) origins.add(origin);
    else log.warn('[bridge] ignored allow-list entry', describe(entry), '(must be one exact http(s) origin, never "*")');
  }
  return origins;
}

function isFramed(win) {
  try {
    return Boolean(win) && win.parent != null && win.parent !== win;
  } catch {
    return false;
  }
}

function parseCommand(message) {
  const type = message.type;
  const parse = typeof type === 'string' ? COMMAND_PARSERS.get(type) : undefined;
  if (!parse) throw new Refusal(`unknown command type ${describe(type)}`);
  return parse(message.data);
}

function parseStatus(data) {
  const status = isPlainObject(data) ? data.status : undefined;
  if (!AGENT_STATUSES.includes(status)) {
    throw new Refusal(`status must be one of ${AGENT_STATUSES.join(', ')}, got ${describe(status)}`);
  }
  return status;
}

function parseThreadUid(data) {
  const uid = isPlainObject(data) ? data.threadUid : undefined;
  if (typeof uid !== 'string' || uid.trim() === '' || uid.length > MAX_THREAD_UID_LENGTH) {
    throw new Refusal(`threadUid must be a non-empty string of at most ${MAX_THREAD_UID_LENGTH} characters`);
  }
  return uid;
}

function readRequestId(message) {
  let id;
  try {
    id = message.requestId;
  } catch {
    return undefined;
  }
  if (typeof id === 'string' && id.length > 0 && id.length <= MAX_REQUEST_ID_LENGTH) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return undefined;
}

// postMessage data is structured-cloned into our realm, so a genuine plain
// object has our Object.prototype (or none); arrays, Dates, Maps do not pass.
function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value) {
  try {
    if (typeof value === 'string') return JSON.stringify(truncate(value, MAX_LOGGED_LENGTH));
    if (value === null || typeof value !== 'object') return String(value);
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'an unprintable value';
  }
}

function errorText(err) {
  try {
    const text = err && typeof err.message === 'string' && err.message ? err.message : String(err);
    return truncate(text, MAX_ERROR_LENGTH);
  } catch {
    return 'command failed';
  }
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// A broken or missing logger must not break the bridge.
function quietLogger(logger) {
  const call = (level) => (...args) => {
    try {
      logger?.[level]?.(...args);
    } catch {
      // nothing sensible left to do
    }
  };
  return { warn: call('warn'), error: call('error') };
}
