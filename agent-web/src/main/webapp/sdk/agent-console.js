// Host SDK for the embeddable agent console (spec/bridge-protocol.md §7).
// Host pages load it from the console server; its only import is the origin
// rule it shares with the console's bridge (origin.js beside it, served with
// the same CORS headers for cross-origin module loads). The message routing lives in createConnection, which
// touches no DOM, so it can be tested with fake windows and timers; embed() only
// adds the iframe around it.

import { normaliseOrigin } from './origin.js';

const SOURCE = 'bytedesk-desktop';
const VERSION = '1.0.0';

export const DEFAULT_TIMEOUT_MS = 10000;

const EVENT_TYPES = Object.freeze([
  'unread_message_count',
  'new_visitor_message',
  'agent_status_changed',
  'thread_status_changed',
  'console_ready',
  'command_result',
]);
const AGENT_STATUSES = Object.freeze(['AVAILABLE', 'BUSY', 'OFFLINE']);
const MAX_THREAD_UID_LENGTH = 100;

/** Raised when the console refuses a command (command_result ok:false). */
export class CommandRefusedError extends Error {
  constructor(message, requestId) {
    super(message);
    this.name = 'CommandRefusedError';
    this.requestId = requestId;
  }
}

/**
 * The message channel to one console window: origin checks, the queue held
 * until console_ready, request ids and timeouts.
 * `targetWindow` may be a function, because an iframe's contentWindow only
 * exists once the iframe is in a document.
 */
export function createConnection({
  targetWindow,
  consoleOrigin,
  window: win,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  setTimeout: setTimer = globalThis.setTimeout,
  clearTimeout: clearTimer = globalThis.clearTimeout,
  logger = globalThis.console,
} = {}) {
  const origin = requireOrigin(consoleOrigin);
  if (!win || typeof win.addEventListener !== 'function') throw new TypeError('window must be able to listen for messages');
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new TypeError('timeoutMs must be a positive number');
  const target = typeof targetWindow === 'function' ? targetWindow : () => targetWindow;

  const handlers = new Map(EVENT_TYPES.map((type) => [type, new Set()]));
  // Insertion-ordered, so flushing after console_ready keeps the caller's order.
  const pending = new Map();
  // Unique per page load, so two connections on one page never match each other's results.
  const idPrefix = `ac-${Math.random().toString(36).slice(2, 10)}-`;
  let counter = 0;
  let consoleReady = false;
  let destroyed = false;

  let settleReady;
  const ready = new Promise((resolve, reject) => { settleReady = { resolve, reject }; });
  // Marked handled so a page that never awaits `ready` gets no unhandled rejection on destroy.
  ready.catch(() => {});

  win.addEventListener('message', onMessage);

  function onMessage(event) {
    try {
      route(event);
    } catch (err) {
      log('warn', '[AgentConsole] dropped an unreadable message:', err);
    }
  }

  function route(event) {
    if (destroyed) return;
    // All three checks: another frame can spoof any origin-less payload, and
    // our own origin may host pages other than the console.
    if (event.origin !== origin || event.source == null || event.source !== target()) return;
    const message = event.data;
    if (!isPlainObject(message) || message.source !== SOURCE || typeof message.type !== 'string') return;
    const { type, data } = message;
    if (type === 'console_ready') {
      // A reload sends console_ready again; until then the new page could not
      // have heard us, so anything still unsent goes now.
      consoleReady = true;
      settleReady.resolve(data);
      flush();
    } else if (type === 'command_result') {
      settle(data);
    }
    if (handlers.has(type)) emit(type, data, message);
  }

  function emit(type, data, message) {
    for (const handler of [...handlers.get(type)]) {
      try {
        handler(data, message);
      } catch (err) {
        // One faulty handler must not starve the others.
        log('error', `[AgentConsole] ${type} handler failed:`, err);
      }
    }
  }

  function settle(result) {
    if (!isPlainObject(result)) return;
    const entry = pending.get(result.requestId);
    if (!entry || !entry.sent) return;
    pending.delete(result.requestId);
    clearTimer(entry.timer);
    if (result.ok === true) entry.resolve(result);
    else entry.reject(new CommandRefusedError(typeof result.error === 'string' && result.error ? result.error : 'command refused', result.requestId));
  }

  function send(type, data) {
    if (destroyed) return Promise.reject(new Error('AgentConsole connection destroyed'));
    const requestId = `${idPrefix}${++counter}`;
    const message = data === undefined ? { type, requestId } : { type, data, requestId };
    return new Promise((resolve, reject) => {
      const entry = { message, resolve, reject, sent: false, timer: null };
      // The clock starts now, not at flush, so a console that never loads still settles every call.
      entry.timer = setTimer(() => {
        pending.delete(requestId);
        const why = entry.sent ? 'no answer from the console' : 'the console never became ready';
        reject(new Error(`${type} timed out after ${timeoutMs} ms: ${why}`));
      }, timeoutMs);
      pending.set(requestId, entry);
      // Before console_ready the frame may still show about:blank, where a post is lost.
      if (consoleReady) post(requestId, entry);
    });
  }

  function flush() {
    for (const [requestId, entry] of pending) if (!entry.sent) post(requestId, entry);
  }

  function post(requestId, entry) {
    try {
      const frame = target();
      if (!frame) throw new Error('the console frame is gone');
      frame.postMessage(entry.message, origin);
      entry.sent = true;
    } catch (err) {
      pending.delete(requestId);
      clearTimer(entry.timer);
      entry.reject(err);
    }
  }

  function log(level, ...args) {
    try {
      logger?.[level]?.(...args);
    } catch {
      // a broken logger is not worth failing over
    }
  }

  const connection = {
    ready,
    get isReady() { return consoleReady; },
    on(type, handler) {
      checkSubscription(type, handler);
      handlers.get(type).add(handler);
      return connection;
    },
    off(type, handler) {
      handlers.get(type)?.delete(handler);
      return connection;
    },
    send,
    setStatus(status) {
      if (!AGENT_STATUSES.includes(status)) {
        return Promise.reject(new TypeError(`status must be one of ${AGENT_STATUSES.join(', ')}`));
      }
      return send('update_agent_status', { status });
    },
    setAvailable: () => send('update_agent_status_available'),
    setBusy: () => send('update_agent_status_busy'),
    setOffline: () => send('update_agent_status_offline'),
    refreshThreads: () => send('refresh_threads'),
    clearUnread(threadUid) {
      if (typeof threadUid !== 'string' || threadUid.trim() === '' || threadUid.length > MAX_THREAD_UID_LENGTH) {
        return Promise.reject(new TypeError(`threadUid must be a non-empty string of at most ${MAX_THREAD_UID_LENGTH} characters`));
      }
      return send('clear_unread_count', { threadUid });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      win.removeEventListener('message', onMessage);
      for (const entry of pending.values()) {
        clearTimer(entry.timer);
        entry.reject(new Error('AgentConsole connection destroyed'));
      }
      pending.clear();
      for (const set of handlers.values()) set.clear();
      if (!consoleReady) settleReady.reject(new Error('AgentConsole destroyed before the console was ready'));
    },
  };
  return connection;
}

/**
 * Puts the console in an iframe inside `container` and returns its handle:
 * the connection's API plus `iframe`; destroy() also removes the iframe.
 */
export function embed({
  container,
  consoleUrl,
  consoleOrigin,
  width = '100%',
  height = '600px',
  title = 'Agent console',
  timeoutMs = DEFAULT_TIMEOUT_MS,
  window: win = globalThis.window,
} = {}) {
  const doc = win?.document;
  if (!doc) throw new TypeError('AgentConsole.embed needs a browser window');
  const host = typeof container === 'string' ? doc.querySelector(container) : container;
  if (!host || typeof host.appendChild !== 'function') throw new TypeError(`container not found: ${String(container)}`);
  if (typeof consoleUrl !== 'string' || consoleUrl === '') throw new TypeError('consoleUrl is required');
  const url = new URL(consoleUrl, doc.baseURI);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('consoleUrl must be an http(s) URL');
  // A parsed URL's origin is already exact; only a caller's own value needs checking.
  const origin = consoleOrigin === undefined ? url.origin : requireOrigin(consoleOrigin);

  const iframe = doc.createElement('iframe');
  iframe.title = title;
  iframe.style.width = cssLength(width);
  iframe.style.height = cssLength(height);
  iframe.style.border = '0';
  // Listening before the frame loads, so its console_ready cannot slip past.
  const connection = createConnection({
    targetWindow: () => iframe.contentWindow,
    consoleOrigin: origin,
    window: win,
    timeoutMs,
  });
  iframe.src = url.href;
  host.appendChild(iframe);

  const handle = {
    iframe,
    ready: connection.ready,
    get isReady() { return connection.isReady; },
    on(type, handler) { connection.on(type, handler); return handle; },
    off(type, handler) { connection.off(type, handler); return handle; },
    send: connection.send,
    setStatus: connection.setStatus,
    setAvailable: connection.setAvailable,
    setBusy: connection.setBusy,
    setOffline: connection.setOffline,
    refreshThreads: connection.refreshThreads,
    clearUnread: connection.clearUnread,
    destroy() {
      connection.destroy();
      iframe.parentNode?.removeChild(iframe);
    },
  };
  return handle;
}

function checkSubscription(type, handler) {
  if (!EVENT_TYPES.includes(type)) throw new TypeError(`unknown event type ${String(type)}; one of ${EVENT_TYPES.join(', ')}`);
  if (typeof handler !== 'function') throw new TypeError('handler must be a function');
}

// The console origin is where commands are posted and the only origin heard
// from; '*' or anything not an exact http(s) origin would defeat both checks.
function requireOrigin(value) {
  const origin = normaliseOrigin(value);
  if (origin === null) {
    throw new TypeError(`consoleOrigin must be an http(s) origin such as https://console.example, got ${String(value)}`);
  }
  return origin;
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function cssLength(value) {
  return typeof value === 'number' ? `${value}px` : String(value);
}

export const AgentConsole = Object.freeze({ embed, createConnection, CommandRefusedError, DEFAULT_TIMEOUT_MS, version: VERSION });
export default AgentConsole;

// Pages that load this file with <script type="module" src> and use it from
// inline scripts find it here.
if (typeof window !== 'undefined' && window) window.AgentConsole = AgentConsole;
