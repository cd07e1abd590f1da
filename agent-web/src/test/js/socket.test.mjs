import test from 'node:test';
import assert from 'node:assert/strict';
import {
  createEventSocket,
  backoffDelay,
  MIN_BACKOFF_MS,
  MAX_BACKOFF_MS,
  PING_INTERVAL_MS,
  PONG_TIMEOUT_MS,
  OPEN_TIMEOUT_MS,
} from '../../main/webapp/js/socket.js';

// Timers that only move when the test says so.
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let next = null;
        for (const [id, timer] of timers) if (timer.at <= end && (!next || timer.at < next[1].at)) next = [id, timer];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
    delays: () => [...timers.values()].map((timer) => timer.at - now).sort((a, b) => a - b),
  };
}

// Records every socket the code opens; the test plays the server.
function fakeWebSocketClass() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.closed = null;
      sockets.push(this);
    }
    send(text) { this.sent.push(JSON.parse(text)); }
    close(code, reason) { this.closed = { code, reason }; }
    // server side
    open() { this.onopen?.({}); }
    receive(frame) { this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) }); }
    drop(code = 1006) { this.onclose?.({ code }); }
  }
  return { FakeWebSocket, sockets };
}

function setup(overrides = {}) {
  const clock = fakeClock();
  const { FakeWebSocket, sockets } = fakeWebSocketClass();
  const log = { events: [], hellos: [], resyncs: [], states: [] };
  let credential = 'cred-1';
  const socket = createEventSocket({
    url: 'wss://console.example/agent/ws',
    WebSocket: FakeWebSocket,
    getCredential: () => credential,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    random: () => 0.5,
    onEvent: (frame) => log.events.push(frame),
    onHello: (seq) => log.hellos.push(seq),
    onResync: (seq) => log.resyncs.push(seq),
    onStateChange: (state) => log.states.push(state),
    logger: { warn() {}, error() {} },
    ...overrides,
  });
  return { clock, sockets, log, socket, setCredential: (value) => { credential = value; } };
}

const ev = (seq, type = 'unread_count_changed') => ({ seq, type, data: { seq }, timestamp: 1 });

test('connects with the credential and no lastSeq, then reports online and hears hello', () => {
  const { sockets, log, socket } = setup();
  socket.start();
  assert.equal(sockets.length, 1);
  const url = new URL(sockets[0].url);
  assert.equal(url.origin + url.pathname, 'wss://console.example/agent/ws');
  assert.equal(url.searchParams.get('credential'), 'cred-1');
  assert.equal(url.searchParams.has('lastSeq'), false);
  assert.deepEqual(log.states, ['connecting']);
  sockets[0].open();
  assert.equal(socket.state, 'online');
  sockets[0].receive({ type: 'hello', seq: 41 });
  assert.deepEqual(log.hellos, [41]);
  assert.equal(socket.lastSeq, 41);
});

test('the credential is escaped in the address', () => {
  const { sockets, socket, setCredential } = setup();
  setCredential('a+b/c=&lastSeq=9');
  socket.start();
  const url = new URL(sockets[0].url);
  assert.equal(url.searchParams.get('credential'), 'a+b/c=&lastSeq=9');
  assert.equal(url.searchParams.has('lastSeq'), false);
});

test('events after hello are delivered in order and tracked by seq', () => {
  const { sockets, log, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 10 });
  sockets[0].receive(ev(11, 'thread_status_changed'));
  sockets[0].receive(ev(12, 'message_created'));
  assert.deepEqual(log.events.map((e) => [e.seq, e.type]), [[11, 'thread_status_changed'], [12, 'message_created']]);
  assert.equal(socket.lastSeq, 12);
});

test('duplicate and older seqs are ignored', () => {
  const { sockets, log, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 10 });
  sockets[0].receive(ev(11));
  sockets[0].receive(ev(11));
  sockets[0].receive(ev(9));
  sockets[0].receive(ev(10));
  sockets[0].receive(ev(12));
  assert.deepEqual(log.events.map((e) => e.seq), [11, 12]);
  assert.equal(socket.lastSeq, 12);
});

test('junk frames and frames without seq are ignored', () => {
  const { sockets, log, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive('not json');
  sockets[0].receive('null');
  sockets[0].receive({ type: 'message_created', data: {} });
  assert.deepEqual(log.events, []);
  assert.equal(socket.state, 'online');
});

test('resync moves lastSeq to the new point and tells the console', () => {
  const { sockets, log, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 5 });
  sockets[0].receive({ type: 'resync', seq: 900 });
  assert.deepEqual(log.resyncs, [900]);
  sockets[0].receive(ev(900));
  sockets[0].receive(ev(901));
  assert.deepEqual(log.events.map((e) => e.seq), [901]);
});

test('a drop reconnects after a backoff, passing the cursors and the current credential', () => {
  const { clock, sockets, log, socket, setCredential } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 10 });
  sockets[0].receive(ev(11));
  sockets[0].drop(1006);
  assert.equal(socket.state, 'offline');
  assert.deepEqual(clock.delays(), [MIN_BACKOFF_MS]);
  setCredential('cred-renewed');
  clock.advance(MIN_BACKOFF_MS - 1);
  assert.equal(sockets.length, 1);
  clock.advance(1);
  assert.equal(sockets.length, 2);
  const url = new URL(sockets[1].url);
  assert.deepEqual(JSON.parse(url.searchParams.get('cursors')), { agent: 11 });
  assert.equal(url.searchParams.get('credential'), 'cred-renewed');
  assert.deepEqual(log.states, ['connecting', 'online', 'offline', 'connecting']);
  // The replay after lastSeq arrives as ordinary events, doubles dropped.
  sockets[1].open();
  sockets[1].receive(ev(11));
  sockets[1].receive(ev(12));
  assert.deepEqual(log.events.map((e) => e.seq), [11, 12]);
});

test('a drop before any hello reconnects without cursors', () => {
  const { clock, sockets, socket } = setup();
  socket.start();
  sockets[0].drop(1006);
  clock.advance(MIN_BACKOFF_MS);
  assert.equal(new URL(sockets[1].url).searchParams.has('cursors'), false);
  assert.equal(new URL(sockets[1].url).searchParams.has('lastSeq'), false);
});

test('each stream keeps its own cursor: hello sets them all, events and resyncs move their own', () => {
  const { clock, sockets, log, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 10, cursors: { agent: 10, 'wg:sales': 40 } });
  sockets[0].receive({ stream: 'wg:sales', seq: 41, type: 'message_created', data: {}, timestamp: 1 });
  sockets[0].receive({ stream: 'agent', seq: 11, type: 'unread_count_changed', data: {}, timestamp: 1 });
  // Same seq number, different stream: both count.
  sockets[0].receive({ stream: 'wg:sales', seq: 11, type: 'message_created', data: {}, timestamp: 1 });
  sockets[0].receive({ stream: 'wg:sales', seq: 41, type: 'message_created', data: {}, timestamp: 1 });
  assert.deepEqual(log.events.map((e) => `${e.stream}#${e.seq}`), ['wg:sales#41', 'agent#11']);
  assert.deepEqual(socket.cursors, { agent: 11, 'wg:sales': 41 });
  sockets[0].receive({ type: 'resync', stream: 'wg:support', seq: 7 });
  assert.deepEqual(log.resyncs, [7]);
  assert.deepEqual(socket.cursors, { agent: 11, 'wg:sales': 41, 'wg:support': 7 });
  sockets[0].drop(1006);
  clock.advance(MIN_BACKOFF_MS);
  assert.deepEqual(JSON.parse(new URL(sockets[1].url).searchParams.get('cursors')),
    { agent: 11, 'wg:sales': 41, 'wg:support': 7 });
});

test('backoff doubles from 1 s up to 30 s while attempts keep failing, and resets once the server speaks', () => {
  const { clock, sockets, socket } = setup();
  socket.start();
  const waits = [];
  for (let i = 0; i < 8; i += 1) {
    sockets.at(-1).drop(1006);
    const [delay] = clock.delays();
    waits.push(delay);
    clock.advance(delay);
  }
  assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  sockets.at(-1).open();
  sockets.at(-1).receive({ type: 'hello', seq: 1 });
  sockets.at(-1).drop(1006);
  assert.deepEqual(clock.delays(), [1000]);
});

test('backoffDelay spreads by jitter within 1 s .. 30 s', () => {
  assert.equal(backoffDelay(0, () => 0.5), 1000);
  assert.equal(backoffDelay(0, () => 0), 1000);
  assert.equal(backoffDelay(0, () => 0.999), 1250);
  assert.equal(backoffDelay(3, () => 0), 6000);
  assert.equal(backoffDelay(3, () => 0.999), 9996);
  assert.equal(backoffDelay(20, () => 0), 22500);
  assert.equal(backoffDelay(20, () => 1), MAX_BACKOFF_MS);
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const delay = backoffDelay(attempt);
    assert.ok(delay >= MIN_BACKOFF_MS && delay <= MAX_BACKOFF_MS, `attempt ${attempt}: ${delay}`);
  }
});

test('sends a ping every 25 s and stays connected while pongs come back', () => {
  const { clock, sockets, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 1 });
  clock.advance(PING_INTERVAL_MS - 1);
  assert.deepEqual(sockets[0].sent, []);
  clock.advance(1);
  assert.deepEqual(sockets[0].sent, [{ type: 'ping' }]);
  clock.advance(PONG_TIMEOUT_MS - 1);
  sockets[0].receive({ type: 'pong' });
  clock.advance(PING_INTERVAL_MS);
  assert.deepEqual(sockets[0].sent, [{ type: 'ping' }, { type: 'ping' }]);
  sockets[0].receive({ type: 'pong' });
  clock.advance(PONG_TIMEOUT_MS);
  assert.equal(sockets.length, 1);
  assert.equal(socket.state, 'online');
});

test('no pong within 10 s closes the socket and reconnects with its cursors', () => {
  const { clock, sockets, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 1 });
  sockets[0].receive(ev(2));
  clock.advance(PING_INTERVAL_MS);
  clock.advance(PONG_TIMEOUT_MS - 1);
  assert.equal(sockets[0].closed, null);
  clock.advance(1);
  assert.notEqual(sockets[0].closed, null);
  assert.equal(socket.state, 'offline');
  // A late close event from the abandoned socket changes nothing.
  sockets[0].drop(1006);
  clock.advance(MIN_BACKOFF_MS);
  assert.equal(sockets.length, 2);
  assert.deepEqual(JSON.parse(new URL(sockets[1].url).searchParams.get('cursors')), { agent: 2 });
});

test('a handshake that never completes is abandoned and retried', () => {
  const { clock, sockets, socket } = setup();
  socket.start();
  clock.advance(OPEN_TIMEOUT_MS);
  assert.notEqual(sockets[0].closed, null);
  clock.advance(MIN_BACKOFF_MS);
  assert.equal(sockets.length, 2);
});

test('a 1008 close stops for good and reports unauthorised', () => {
  const { clock, sockets, log, socket } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].drop(1008);
  assert.equal(socket.state, 'unauthorised');
  assert.deepEqual(log.states, ['connecting', 'online', 'unauthorised']);
  clock.advance(10 * MAX_BACKOFF_MS);
  assert.equal(sockets.length, 1);
  assert.deepEqual(clock.delays(), []);
  socket.reconnectNow();
  assert.equal(sockets.length, 1);
});

test('a renewed credential is sent on the socket before the next ping, once', () => {
  const { clock, sockets, socket, setCredential } = setup();
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 1 });
  setCredential('cred-2');
  clock.advance(PING_INTERVAL_MS);
  assert.deepEqual(sockets[0].sent, [{ type: 'credential', credential: 'cred-2' }, { type: 'ping' }]);
  sockets[0].receive({ type: 'pong' });
  clock.advance(PING_INTERVAL_MS);
  assert.deepEqual(sockets[0].sent.slice(2), [{ type: 'ping' }]);
});

test('a 1008 after the credential was renewed (the old one expired first) reconnects with the new one', () => {
  const { clock, sockets, socket, setCredential } = setup();
  socket.start();
  sockets[0].open();
  setCredential('cred-2');
  sockets[0].drop(1008);
  assert.equal(socket.state, 'offline');
  clock.advance(MIN_BACKOFF_MS);
  assert.equal(sockets.length, 2);
  assert.equal(new URL(sockets[1].url).searchParams.get('credential'), 'cred-2');
  sockets[1].open();
  sockets[1].drop(1008);
  assert.equal(socket.state, 'unauthorised');
});

test('stop closes the socket and cancels every timer', () => {
  const { clock, sockets, socket } = setup();
  socket.start();
  sockets[0].open();
  socket.stop();
  assert.equal(sockets[0].closed.code, 1000);
  assert.equal(socket.state, 'stopped');
  assert.deepEqual(clock.delays(), []);
  clock.advance(MAX_BACKOFF_MS * 2);
  assert.equal(sockets.length, 1);
});

test('reconnectNow skips the wait while offline', () => {
  const { sockets, socket } = setup();
  socket.start();
  sockets[0].drop(1006);
  socket.reconnectNow();
  assert.equal(sockets.length, 2);
  socket.reconnectNow();
  assert.equal(sockets.length, 2, 'no second socket while one is open or opening');
});

test('a throwing handler does not break the stream', () => {
  const { sockets, socket } = setup({ onEvent: () => { throw new Error('view bug'); } });
  socket.start();
  sockets[0].open();
  sockets[0].receive({ type: 'hello', seq: 1 });
  sockets[0].receive(ev(2));
  sockets[0].receive(ev(3));
  assert.equal(socket.lastSeq, 3);
  assert.equal(socket.state, 'online');
});
