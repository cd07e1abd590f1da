import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentConsole, CommandRefusedError, createConnection, DEFAULT_TIMEOUT_MS, embed } from '../../main/webapp/sdk/agent-console.js';
import { createBridge } from '../../main/webapp/js/bridge.js';

const CONSOLE = 'https://console.example';
const HOST = 'https://portal.example.com';

// --- fakes -------------------------------------------------------------------

function fakeClock() {
  let now = 0;
  let nextId = 0;
  const timers = new Map();
  return {
    now: () => now,
    setTimeout(fn, ms) { timers.set(++nextId, { at: now + ms, fn }); return nextId; },
    clearTimeout(id) { timers.delete(id); },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due = null;
        for (const [id, timer] of timers) if (timer.at <= end && (!due || timer.at < due[1].at)) due = [id, timer];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    get timerCount() { return timers.size; },
  };
}

function fakeWindow() {
  const listeners = new Set();
  return {
    posts: [],
    postMessage(message, targetOrigin) { this.posts.push({ message, targetOrigin }); },
    addEventListener(type, fn) { if (type === 'message') listeners.add(fn); },
    removeEventListener(type, fn) { if (type === 'message') listeners.delete(fn); },
    get listenerCount() { return listeners.size; },
    deliver(event) { for (const fn of [...listeners]) fn(event); },
  };
}

function setup({ timeoutMs } = {}) {
  const host = fakeWindow();
  const frame = fakeWindow();
  const clock = fakeClock();
  const logger = { errors: [], warn() {}, error(...args) { this.errors.push(args.map(String).join(' ')); } };
  const connection = createConnection({
    targetWindow: frame, consoleOrigin: CONSOLE, window: host, timeoutMs,
    setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, logger,
  });
  const fromConsole = (type, data, over = {}) => host.deliver({
    origin: 'origin' in over ? over.origin : CONSOLE,
    source: 'source' in over ? over.source : frame,
    data: { type, data, timestamp: 1, source: 'source_field' in over ? over.source_field : 'bytedesk-desktop' },
  });
  const consoleReady = () => fromConsole('console_ready', { agentInfo: { uid: 'a1' }, version: '1' });
  const answer = (index, ok = true, error) => fromConsole('command_result',
    ok ? { requestId: frame.posts[index].message.requestId, ok: true }
      : { requestId: frame.posts[index].message.requestId, ok: false, error });
  return { host, frame, clock, logger, connection, fromConsole, consoleReady, answer };
}

// Reports whether a promise has settled, letting queued microtasks run first
// (one event-loop turn, no real waiting).
async function state(promise) {
  let result = ['pending'];
  promise.then((v) => { result = ['resolved', v]; }, (e) => { result = ['rejected', e]; });
  await new Promise((resolve) => setImmediate(resolve));
  return result;
}

// --- queueing and commands ---------------------------------------------------------

test('commands sent before console_ready are queued, then flushed in order to the console origin only', async () => {
  const { frame, connection, consoleReady } = setup();
  const calls = [
    connection.setStatus('BUSY'),
    connection.setAvailable(),
    connection.setBusy(),
    connection.setOffline(),
    connection.refreshThreads(),
    connection.clearUnread('t1'),
  ];
  assert.equal(frame.posts.length, 0, 'nothing is posted to a frame that may still be about:blank');
  assert.equal(connection.isReady, false);
  consoleReady();
  assert.equal(connection.isReady, true);
  assert.deepEqual(frame.posts.map((p) => [p.message.type, p.message.data]), [
    ['update_agent_status', { status: 'BUSY' }],
    ['update_agent_status_available', undefined],
    ['update_agent_status_busy', undefined],
    ['update_agent_status_offline', undefined],
    ['refresh_threads', undefined],
    ['clear_unread_count', { threadUid: 't1' }],
  ]);
  assert.ok(frame.posts.every((p) => p.targetOrigin === CONSOLE));
  const ids = frame.posts.map((p) => p.message.requestId);
  assert.equal(new Set(ids).size, ids.length, 'request ids are unique');
  assert.ok(ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100));
  assert.deepEqual(Object.keys(frame.posts[1].message).sort(), ['requestId', 'type'], 'no-data commands send no data');
  for (const call of calls) assert.deepEqual(await state(call), ['pending']);
});

test('after console_ready commands are posted at once', () => {
  const { frame, connection, consoleReady } = setup();
  consoleReady();
  connection.refreshThreads();
  assert.equal(frame.posts.length, 1);
  assert.equal(frame.posts[0].targetOrigin, CONSOLE);
});

test('ready resolves with the console_ready data', async () => {
  const { connection, fromConsole } = setup();
  assert.deepEqual(await state(connection.ready), ['pending']);
  fromConsole('console_ready', { agentInfo: { uid: 'a1' }, version: '2.0' });
  assert.deepEqual(await connection.ready, { agentInfo: { uid: 'a1' }, version: '2.0' });
});

test('a command resolves on its command_result ok:true', async () => {
  const { connection, consoleReady, answer } = setup();
  consoleReady();
  const call = connection.setBusy();
  answer(0);
  const [outcome, value] = await state(call);
  assert.equal(outcome, 'resolved');
  assert.equal(value.ok, true);
});

test('a command rejects on command_result ok:false with the console error', async () => {
  const { connection, consoleReady, answer } = setup();
  consoleReady();
  const call = connection.clearUnread('t9');
  answer(0, false, 'thread t9 is not yours');
  await assert.rejects(call, (err) => err instanceof CommandRefusedError && err.message === 'thread t9 is not yours');
});

test('results are matched by requestId, not by order', async () => {
  const { connection, consoleReady, answer } = setup();
  consoleReady();
  const first = connection.setBusy();
  const second = connection.refreshThreads();
  answer(1);
  assert.deepEqual((await state(second))[0], 'resolved');
  assert.deepEqual(await state(first), ['pending']);
  answer(0, false, 'nope');
  assert.equal((await state(first))[0], 'rejected');
});

test('a command with no answer rejects after the default 10 s timeout', async () => {
  const { connection, consoleReady, clock } = setup();
  assert.equal(DEFAULT_TIMEOUT_MS, 10_000);
  consoleReady();
  const call = connection.setOffline();
  clock.advance(9_999);
  assert.deepEqual(await state(call), ['pending']);
  clock.advance(1);
  await assert.rejects(call, /timed out after 10000 ms/);
});

test('the timeout is configurable', async () => {
  const { connection, consoleReady, clock } = setup({ timeoutMs: 500 });
  consoleReady();
  const call = connection.refreshThreads();
  clock.advance(500);
  await assert.rejects(call, /timed out after 500 ms/);
});

test('a queued command that times out is rejected and never sent later', async () => {
  const { frame, connection, consoleReady, clock } = setup();
  const call = connection.setBusy();
  clock.advance(DEFAULT_TIMEOUT_MS);
  await assert.rejects(call, /never became ready/);
  consoleReady();
  assert.equal(frame.posts.length, 0);
});

test('a late or unknown command_result is ignored', async () => {
  const { connection, consoleReady, fromConsole, answer, clock } = setup();
  consoleReady();
  const call = connection.setBusy();
  fromConsole('command_result', { requestId: 'someone-else', ok: true });
  fromConsole('command_result', null);
  fromConsole('command_result', 'ok');
  assert.deepEqual(await state(call), ['pending']);
  clock.advance(DEFAULT_TIMEOUT_MS);
  await assert.rejects(call);
  assert.doesNotThrow(() => answer(0));
});

test('bad arguments reject without posting', async () => {
  const { frame, connection, consoleReady } = setup();
  consoleReady();
  await assert.rejects(connection.setStatus('AWAY'), TypeError);
  await assert.rejects(connection.setStatus(), TypeError);
  await assert.rejects(connection.clearUnread(''), TypeError);
  await assert.rejects(connection.clearUnread('x'.repeat(101)), TypeError);
  await assert.rejects(connection.clearUnread(42), TypeError);
  assert.equal(frame.posts.length, 0);
});

test('never posts to "*" and refuses "*" or a non-origin as consoleOrigin', () => {
  const host = fakeWindow();
  for (const consoleOrigin of ['*', '', 'null', undefined, 'https://*.example', 'https://console.example/agent', 'ftp://console.example']) {
    assert.throws(() => createConnection({ targetWindow: fakeWindow(), consoleOrigin, window: host }), TypeError, String(consoleOrigin));
  }
  assert.equal(host.listenerCount, 0);
  const { frame, connection, consoleReady } = setup();
  consoleReady();
  connection.setBusy();
  connection.clearUnread('t1');
  assert.ok(frame.posts.every((p) => p.targetOrigin === CONSOLE));
});

// --- what is heard ---------------------------------------------------------------------

test('messages from a wrong origin, wrong window or wrong source field are ignored', async () => {
  const { frame, connection, fromConsole, consoleReady } = setup();
  const heard = [];
  connection.on('console_ready', (data) => heard.push(data));
  connection.on('unread_message_count', (data) => heard.push(data));
  const call = connection.setBusy();
  const spoofs = [
    { origin: 'https://evil.example' },
    { origin: `${CONSOLE}/` },
    { origin: 'null' },
    { source: fakeWindow() },
    { source: null },
    { source_field: 'someone-else' },
    { source_field: undefined },
  ];
  for (const over of spoofs) {
    fromConsole('console_ready', { version: 'spoof' }, over);
    fromConsole('unread_message_count', { totalUnreadCount: 99 }, over);
  }
  assert.deepEqual(heard, []);
  assert.equal(connection.isReady, false);
  assert.equal(frame.posts.length, 0, 'a spoofed console_ready does not flush the queue');
  consoleReady();
  for (const over of spoofs) fromConsole('command_result', { requestId: frame.posts[0].message.requestId, ok: false, error: 'spoof' }, over);
  assert.deepEqual(await state(call), ['pending']);
});

test('junk messages never throw out of the listener', () => {
  const { host, frame, connection } = setup();
  connection.on('console_ready', () => assert.fail('not a console_ready'));
  const trap = new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });
  for (const data of [null, undefined, 'console_ready', 7, [], trap, { type: 'console_ready' }, { source: 'bytedesk-desktop' }]) {
    assert.doesNotThrow(() => host.deliver({ origin: CONSOLE, source: frame, data }));
  }
  assert.doesNotThrow(() => host.deliver(trap));
  assert.doesNotThrow(() => host.deliver(null));
});

test('on and off route each event type to its handlers with data and envelope', () => {
  const { connection, fromConsole } = setup();
  const heard = [];
  const onUnread = (data, envelope) => heard.push(['unread', data.totalUnreadCount, envelope.type]);
  const onVisitor = (data) => heard.push(['visitor', data.thread.uid]);
  const onAgent = (data) => heard.push(['agent', data.status]);
  const onThread = (data) => heard.push(['thread', data.action]);
  assert.equal(connection.on('unread_message_count', onUnread), connection, 'chainable');
  connection.on('new_visitor_message', onVisitor).on('agent_status_changed', onAgent).on('thread_status_changed', onThread);
  fromConsole('unread_message_count', { totalUnreadCount: 3, unreadThreads: [] });
  fromConsole('new_visitor_message', { thread: { uid: 't1' } });
  fromConsole('agent_status_changed', { status: 'BUSY', agentInfo: {} });
  fromConsole('thread_status_changed', { thread: { uid: 't1' }, action: 'closed' });
  connection.off('unread_message_count', onUnread);
  fromConsole('unread_message_count', { totalUnreadCount: 4, unreadThreads: [] });
  fromConsole('something_new', {});
  assert.deepEqual(heard, [['unread', 3, 'unread_message_count'], ['visitor', 't1'], ['agent', 'BUSY'], ['thread', 'closed']]);
});

test('command_result and console_ready are events too', () => {
  const { connection, consoleReady, answer } = setup();
  const heard = [];
  connection.on('console_ready', (data) => heard.push(['ready', data.version]));
  connection.on('command_result', (data) => heard.push(['result', data.ok]));
  consoleReady();
  connection.refreshThreads();
  answer(0);
  assert.deepEqual(heard, [['ready', '1'], ['result', true]]);
});

test('on refuses unknown event types and non-function handlers', () => {
  const { connection } = setup();
  assert.throws(() => connection.on('unread_count', () => {}), TypeError);
  assert.throws(() => connection.on('console_ready', 'not a function'), TypeError);
  assert.doesNotThrow(() => connection.off('unread_count', () => {}));
});

test('a throwing handler does not stop the others', () => {
  const { connection, fromConsole, logger } = setup();
  const heard = [];
  connection.on('agent_status_changed', () => { throw new Error('host bug'); });
  connection.on('agent_status_changed', (data) => heard.push(data.status));
  fromConsole('agent_status_changed', { status: 'OFFLINE' });
  assert.deepEqual(heard, ['OFFLINE']);
  assert.ok(logger.errors.some((e) => e.includes('host bug')));
});

test('keeps working after the console reloads and sends console_ready again', async () => {
  const { frame, connection, consoleReady, answer } = setup();
  let readies = 0;
  connection.on('console_ready', () => readies++);
  consoleReady();
  const before = connection.setBusy();
  answer(0);
  assert.equal((await state(before))[0], 'resolved');
  consoleReady(); // the iframe reloaded
  const after = connection.setAvailable();
  assert.equal(frame.posts.length, 2);
  answer(1);
  assert.equal((await state(after))[0], 'resolved');
  assert.equal(readies, 2);
});

test('destroy rejects pending calls, stops listening and refuses new calls', async () => {
  const { host, connection, consoleReady, clock, frame } = setup();
  const queued = connection.setBusy();
  const ready = connection.ready;
  connection.destroy();
  await assert.rejects(queued, /destroyed/);
  await assert.rejects(ready, /destroyed/);
  assert.equal(host.listenerCount, 0);
  assert.equal(clock.timerCount, 0);
  consoleReady();
  await assert.rejects(connection.refreshThreads(), /destroyed/);
  assert.equal(frame.posts.length, 0);
  assert.doesNotThrow(() => connection.destroy());
});

// --- embed -------------------------------------------------------------------------------

function fakeDocument() {
  const containers = { '#console': { children: [], appendChild(child) { this.children.push(child); child.parentNode = this; }, removeChild(child) { this.children.splice(this.children.indexOf(child), 1); child.parentNode = null; } } };
  return {
    baseURI: `${HOST}/crm/index.html`,
    containers,
    querySelector: (selector) => containers[selector] ?? null,
    createElement(tag) {
      assert.equal(tag, 'iframe');
      return { tagName: 'IFRAME', style: {}, contentWindow: null, parentNode: null };
    },
  };
}

test('embed puts the console iframe in the container and talks to its window', async () => {
  const host = fakeWindow();
  host.document = fakeDocument();
  const consoleUrl = `${CONSOLE}/agent/auth/login?accessToken=abc.def.ghi`;
  const handle = embed({ container: '#console', consoleUrl, width: 800, height: '70vh', title: 'Support', window: host });
  const { iframe } = handle;
  assert.equal(host.document.containers['#console'].children[0], iframe);
  assert.equal(iframe.src, consoleUrl);
  assert.equal(iframe.title, 'Support');
  assert.equal(iframe.style.width, '800px');
  assert.equal(iframe.style.height, '70vh');

  const frame = fakeWindow();
  iframe.contentWindow = frame; // the browser creates it when the iframe is attached
  const call = handle.setBusy();
  host.deliver({ origin: CONSOLE, source: frame, data: { type: 'console_ready', data: { version: '1' }, timestamp: 1, source: 'bytedesk-desktop' } });
  assert.deepEqual(await handle.ready, { version: '1' });
  assert.equal(frame.posts.length, 1);
  assert.equal(frame.posts[0].targetOrigin, CONSOLE, 'consoleOrigin defaults to the origin of consoleUrl');
  let heard = null;
  assert.equal(handle.on('command_result', (data) => { heard = data; }), handle);
  host.deliver({ origin: CONSOLE, source: frame, data: { type: 'command_result', data: { requestId: frame.posts[0].message.requestId, ok: true }, timestamp: 2, source: 'bytedesk-desktop' } });
  assert.equal((await state(call))[0], 'resolved');
  assert.equal(heard.ok, true);

  handle.destroy();
  assert.equal(host.document.containers['#console'].children.length, 0);
  assert.equal(host.listenerCount, 0);
});

test('embed takes an explicit consoleOrigin and an element container', () => {
  const host = fakeWindow();
  host.document = fakeDocument();
  const element = host.document.containers['#console'];
  const handle = embed({ container: element, consoleUrl: '/agent/', consoleOrigin: 'https://agents.example:8443', window: host });
  assert.equal(handle.iframe.src, `${HOST}/agent/`, 'relative URLs resolve against the host page');
  const frame = fakeWindow();
  handle.iframe.contentWindow = frame;
  host.deliver({ origin: 'https://agents.example:8443', source: frame, data: { type: 'console_ready', data: {}, timestamp: 1, source: 'bytedesk-desktop' } });
  handle.refreshThreads().catch(() => {});
  assert.equal(frame.posts[0].targetOrigin, 'https://agents.example:8443');
  handle.destroy();
});

test('embed refuses a missing container or consoleUrl and a "*" origin', () => {
  const host = fakeWindow();
  host.document = fakeDocument();
  assert.throws(() => embed({ container: '#nowhere', consoleUrl: `${CONSOLE}/agent/`, window: host }), TypeError);
  assert.throws(() => embed({ container: '#console', window: host }), TypeError);
  assert.throws(() => embed({ container: '#console', consoleUrl: `${CONSOLE}/agent/`, consoleOrigin: '*', window: host }), TypeError);
  assert.equal(host.document.containers['#console'].children.length, 0);
  assert.equal(host.listenerCount, 0);
});

test('exposes AgentConsole and sets window.AgentConsole when a window exists', async () => {
  assert.equal(AgentConsole.embed, embed);
  assert.equal(AgentConsole.createConnection, createConnection);
  const hadWindow = 'window' in globalThis;
  globalThis.window = {};
  try {
    // A fresh module instance, evaluated while `window` exists.
    const fresh = await import('../../main/webapp/sdk/agent-console.js?with-window');
    assert.equal(globalThis.window.AgentConsole, fresh.AgentConsole);
    assert.equal(typeof globalThis.window.AgentConsole.embed, 'function');
  } finally {
    if (!hadWindow) delete globalThis.window;
  }
});

// --- SDK and bridge together -----------------------------------------------------------------

test('end to end: the SDK drives the bridge and hears its events', async () => {
  const clock = fakeClock();
  const hostWindow = fakeWindow();
  const consoleWindow = fakeWindow();
  consoleWindow.parent = hostWindow;
  // Deliver like a browser: later, structured-cloned, and only when targetOrigin matches.
  hostWindow.postMessage = (message, targetOrigin) => {
    assert.notEqual(targetOrigin, '*');
    if (targetOrigin === HOST) queueMicrotask(() => hostWindow.deliver({ origin: CONSOLE, source: consoleWindow, data: structuredClone(message) }));
  };
  consoleWindow.postMessage = (message, targetOrigin) => {
    assert.notEqual(targetOrigin, '*');
    if (targetOrigin === CONSOLE) queueMicrotask(() => consoleWindow.deliver({ origin: HOST, source: hostWindow, data: structuredClone(message) }));
  };

  const calls = [];
  const bridge = createBridge({
    window: consoleWindow,
    allowedOrigins: ['https://other-host.example', HOST],
    logger: { warn() {} },
    now: clock.now, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout,
    commands: {
      async setStatus(status) { calls.push(['setStatus', status]); },
      async refreshThreads() { calls.push(['refreshThreads']); },
      async clearUnread(threadUid) {
        calls.push(['clearUnread', threadUid]);
        if (threadUid !== 't1') throw new Error(`thread ${threadUid} is not yours`);
      },
    },
  });
  const sdk = createConnection({
    targetWindow: consoleWindow, consoleOrigin: CONSOLE, window: hostWindow,
    setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout,
  });
  const unread = [];
  sdk.on('unread_message_count', (data) => unread.push(data.totalUnreadCount));

  const busy = sdk.setBusy();
  const refused = sdk.clearUnread('t2');
  bridge.ready({ uid: 'a1' }, '1.0.0');
  await sdk.ready;
  await busy;
  await assert.rejects(refused, /thread t2 is not yours/);
  await sdk.clearUnread('t1');
  bridge.unreadChanged({ totalUnreadCount: 2, unreadThreads: [] });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(calls, [['setStatus', 'BUSY'], ['clearUnread', 't2'], ['clearUnread', 't1']]);
  assert.deepEqual(unread, [2]);
  sdk.destroy();
  bridge.destroy();
});
