// The console's event stream (docs/api.md, "Console WebSocket"): connects,
// resumes every stream it follows (its agent's own, one per workgroup) from
// the last sequence it saw of each, keeps the line alive with pings, and
// reconnects by itself. WebSocket and timers are injected for node --test.

export const MIN_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 30000;
export const PING_INTERVAL_MS = 25000;
export const PONG_TIMEOUT_MS = 10000;
// A handshake that hangs (a proxy swallowing the upgrade) counts as a drop too.
export const OPEN_TIMEOUT_MS = 15000;
// The server closes with this when the credential is missing or invalid.
export const POLICY_VIOLATION = 1008;

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from 1 s up to
 * 30 s, spread by ±25 % so a server restart is not hit by every console at once.
 */
export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.max(0, attempt));
  const spread = base * (0.75 + random() * 0.5);
  return Math.round(Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, spread)));
}

/**
 * States reported to onStateChange: 'connecting', 'online', 'offline'
 * (waiting to retry), 'unauthorised' (credential refused; final), 'stopped'.
 */
export function createEventSocket({
  url,
  WebSocket: Socket = globalThis.WebSocket,
  getCredential,
  setTimeout: setTimer = globalThis.setTimeout,
  clearTimeout: clearTimer = globalThis.clearTimeout,
  random = Math.random,
  onEvent = () => {},
  onHello = () => {},
  onResync = () => {},
  // Frames of other types without a sequence (the supervisor's "board").
  onOther = () => {},
  onStateChange = () => {},
  logger = globalThis.console,
} = {}) {
  if (typeof url !== 'string' || url === '') throw new TypeError('url is required');
  if (typeof Socket !== 'function') throw new TypeError('WebSocket is required');

  let ws = null;
  let state = 'stopped';
  // Last sequence seen per stream ('agent', 'wg:<uid>'); null before the hello.
  let cursors = null;
  let attempt = 0;
  let retryTimer = null;
  let pingTimer = null;
  // Either the open timeout or the pong timeout; both mean "give up on this socket".
  let watchdog = null;
  let running = false;
  // The credential the server last saw from us (at connect or in a renewal
  // message): the server closes the socket when that one expires.
  let presented = null;

  function setState(next) {
    if (state === next) return;
    state = next;
    call(onStateChange, next);
  }

  function call(fn, ...args) {
    try {
      fn(...args);
    } catch (err) {
      // A failing handler must not take the connection down with it.
      try { logger?.error?.('[socket] handler failed', err); } catch { /* nothing left to do */ }
    }
  }

  function currentCredential() {
    return String(getCredential?.() ?? '');
  }

  function address() {
    const params = new URLSearchParams();
    presented = currentCredential();
    params.set('credential', presented);
    if (cursors !== null) params.set('cursors', JSON.stringify(cursors));
    return `${url}${url.includes('?') ? '&' : '?'}${params}`;
  }

  function connect() {
    retryTimer = null;
    if (!running) return;
    setState('connecting');
    let socket;
    try {
      socket = new Socket(address());
    } catch (err) {
      try { logger?.warn?.('[socket] could not open:', err?.message || err); } catch { /* ignore */ }
      scheduleReconnect();
      return;
    }
    ws = socket;
    watchdog = setTimer(abandon, OPEN_TIMEOUT_MS);
    socket.onopen = () => {
      if (ws !== socket) return;
      clearWatchdog();
      setState('online');
      schedulePing();
    };
    socket.onmessage = (message) => {
      if (ws !== socket) return;
      receive(message.data);
    };
    socket.onerror = () => {
      // onclose follows and decides what to do.
    };
    socket.onclose = (event) => {
      if (ws !== socket) return;
      drop(socket);
      // 1008 also ends a socket whose credential expired or was signed out
      // of; if the session renewed meanwhile, the new credential may still work.
      if (event?.code === POLICY_VIOLATION && currentCredential() === presented) {
        running = false;
        setState('unauthorised');
        return;
      }
      scheduleReconnect();
    };
  }

  function receive(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    // Anything from the server shows the line works: the next drop starts
    // backing off from 1 s again.
    attempt = 0;
    switch (frame.type) {
      case 'pong':
        clearWatchdog();
        return;
      case 'hello':
        cursors = {};
        if (frame.cursors && typeof frame.cursors === 'object') {
          for (const [stream, seq] of Object.entries(frame.cursors)) {
            if (Number.isFinite(seq)) cursors[stream] = seq;
          }
        } else if (Number.isFinite(frame.seq)) {
          cursors.agent = frame.seq;
        }
        call(onHello, frame.seq);
        return;
      case 'resync':
        if (Number.isFinite(frame.seq)) {
          cursors = cursors ?? {};
          cursors[streamOf(frame)] = frame.seq;
        }
        call(onResync, frame.seq);
        return;
      default: {
        if (!Number.isFinite(frame.seq)) {
          call(onOther, frame);
          return;
        }
        const stream = streamOf(frame);
        // A replay may overlap what we already have: each event counts once.
        if (cursors !== null && Number.isFinite(cursors[stream]) && frame.seq <= cursors[stream]) return;
        cursors = cursors ?? {};
        cursors[stream] = frame.seq;
        call(onEvent, frame);
      }
    }
  }

  function streamOf(frame) {
    return typeof frame.stream === 'string' && frame.stream !== '' ? frame.stream : 'agent';
  }

  function schedulePing() {
    if (pingTimer !== null) clearTimer(pingTimer);
    pingTimer = setTimer(ping, PING_INTERVAL_MS);
  }

  function ping() {
    pingTimer = null;
    if (!ws) return;
    try {
      const credential = currentCredential();
      if (credential !== presented) {
        // Renewed since the server last saw it: without this the server
        // closes the socket when the first credential expires.
        ws.send(JSON.stringify({ type: 'credential', credential }));
        presented = credential;
      }
      ws.send(JSON.stringify({ type: 'ping' }));
    } catch {
      // a socket that cannot send is as dead as one that does not answer
    }
    clearWatchdog();
    watchdog = setTimer(abandon, PONG_TIMEOUT_MS);
    schedulePing();
  }

  function clearWatchdog() {
    if (watchdog !== null) clearTimer(watchdog);
    watchdog = null;
  }

  // A half-open TCP connection can take minutes to report a close: give up on
  // it ourselves and start a new one.
  function abandon() {
    watchdog = null;
    const socket = ws;
    if (!socket) return;
    drop(socket);
    try { socket.close(); } catch { /* already gone */ }
    scheduleReconnect();
  }

  function drop(socket) {
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    if (ws === socket) ws = null;
    if (pingTimer !== null) clearTimer(pingTimer);
    pingTimer = null;
    clearWatchdog();
  }

  function scheduleReconnect() {
    if (!running) return;
    setState('offline');
    const delay = backoffDelay(attempt, random);
    attempt += 1;
    if (retryTimer !== null) clearTimer(retryTimer);
    retryTimer = setTimer(connect, delay);
  }

  return Object.freeze({
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      connect();
    },
    stop() {
      running = false;
      if (retryTimer !== null) clearTimer(retryTimer);
      retryTimer = null;
      const socket = ws;
      if (socket) {
        drop(socket);
        try { socket.close(1000, 'console closed'); } catch { /* already gone */ }
      }
      setState('stopped');
    },
    /** Skips the wait (the browser came back online, or the user asked). */
    reconnectNow() {
      if (!running || ws) return;
      if (retryTimer !== null) clearTimer(retryTimer);
      attempt = 0;
      connect();
    },
    get state() { return state; },
    /** The agent stream's cursor (null before the hello). */
    get lastSeq() { return cursors?.agent ?? null; },
    /** A copy of every stream's cursor (null before the hello). */
    get cursors() { return cursors === null ? null : { ...cursors }; },
  });
}
