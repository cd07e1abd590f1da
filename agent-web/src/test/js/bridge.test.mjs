import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBridge, normaliseOrigin, THREAD_ACTIONS, UNREAD_INTERVAL_MS } from '../../main/webapp/js/bridge.js';

const HOST = 'https://portal.example.com';
const OTHER_HOST = 'https://intranet.example.org:8443';
const START = 1_700_000_000_000;

// --- fakes -------------------------------------------------------------------

function fakeClock(start = START) {
  let now = start;
  let nextId = 0;
  const timers = new Map();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      timers.set(++nextId, { at: now + Math.max(0, ms), fn });
      return nextId;
    },
    clearTimeout(id) { timers.delete(id); },
    // Runs due timers in time order, moving the clock to each one.
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

function fakeFrame() {
  const parent = {
    posts: [],
    postMessage(message, targetOrigin) { this.posts.push({ message, targetOrigin }); },
  };
  const listeners = new Set();
  return {
    parent,
    addEventListener(type, fn) { if (type === 'message') listeners.add(fn); },
    removeEventListener(type, fn) { if (type === 'message') listeners.delete(fn); },
    get listenerCount() { return listeners.size; },
    deliver(event) { for (const fn of [...listeners]) fn(event); },
  };
}

function fakeLogger() {
  return {
    warnings: [],
    warn(...args) { this.warnings.push(args.map(String).join(' ')); },
    error(...args) { this.warnings.push(args.map(String).join(' ')); },
  };
}

function fakeCommands({ refuse } = {}) {
  const calls = [];
  const record = (name) => (...args) => {
    calls.push([name, ...args]);
    return refuse ? Promise.reject(new Error(refuse)) : Promise.resolve();
  };
  return { calls, setStatus: record('setStatus'), refreshThreads: record('refreshThreads'), clearUnread: record('clearUnread') };
}

// `announced` (the default) starts the bridge with console_ready and forgets that post.
function setup({ allowedOrigins = [HOST], refuse, announced = true } = {}) {
  const win = fakeFrame();
  const clock = fakeClock();
  const logger = fakeLogger();
  const commands = fakeCommands({ refuse });
  const bridge = createBridge({
    window: win, allowedOrigins, commands, logger,
    now: clock.now, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout,
  });
  if (announced) {
    bridge.ready({ uid: 'a1' }, '1');
    win.parent.posts.length = 0;
  }
  // `in` rather than defaults, so a test can deliver an undefined origin or source.
  const fromHost = (data, over = {}) => win.deliver({
    origin: 'origin' in over ? over.origin : HOST,
    source: 'source' in over ? over.source : win.parent,
    data,
  });
  return { win, clock, logger, commands, bridge, posts: win.parent.posts, fromHost };
}

// Lets the command promise and the reply chained on it run.
const settle = () => new Promise((resolve) => setImmediate(resolve));

// --- starting --------------------------------------------------------------

test('is inert outside a frame', () => {
  const win = fakeFrame();
  win.parent = win;
  const logger = fakeLogger();
  const bridge = createBridge({ window: win, allowedOrigins: [HOST], commands: fakeCommands(), logger });
  assert.equal(bridge.active, false);
  assert.equal(win.listenerCount, 0);
  assert.equal(bridge.ready({ uid: 'a1' }, '1'), false);
  assert.equal(bridge.unreadChanged({ totalUnreadCount: 1, unreadThreads: [] }), false);
  assert.equal(bridge.newVisitorThread({ uid: 't' }), false);
  assert.equal(bridge.agentStatusChanged('BUSY', {}), false);
  assert.equal(bridge.threadStatusChanged({}, 'closed'), false);
  bridge.destroy();
  assert.equal(createBridge({ allowedOrigins: [HOST] }).active, false, 'no window at all');
});

test('before console_ready it posts nothing, answers nothing and does not listen', async () => {
  const { bridge, win, posts, commands, clock } = setup({ announced: false });
  assert.equal(win.listenerCount, 0);
  win.deliver({ origin: HOST, source: win.parent, data: { type: 'update_agent_status_busy', requestId: 'early' } });
  assert.equal(bridge.unreadChanged({ totalUnreadCount: 2, unreadThreads: [] }), false);
  assert.equal(bridge.agentStatusChanged('BUSY', { uid: 'a1', status: 'BUSY' }), false);
  bridge.newVisitorThread({ uid: 't1' });
  bridge.threadStatusChanged({ uid: 't1' }, 'assigned');
  clock.advance(1000);
  await settle();
  assert.deepEqual(posts, []);
  assert.deepEqual(commands.calls, []);

  // console_ready first, then the notifications held for it, in order; stale states are not replayed.
  assert.equal(bridge.ready({ uid: 'a1', status: 'AVAILABLE' }, '1'), true);
  assert.deepEqual(posts.map((p) => p.message.type), ['console_ready', 'new_visitor_message', 'thread_status_changed']);
  assert.equal(bridge.ready({ uid: 'a1' }, '1'), false, 'console_ready is posted once');
  assert.equal(win.listenerCount, 1);
  win.deliver({ origin: HOST, source: win.parent, data: { type: 'update_agent_status_busy', requestId: 'late' } });
  await settle();
  assert.deepEqual(commands.calls, [['setStatus', 'BUSY']]);
});

test('a start that never gets ready holds a bounded number of notifications', () => {
  const { bridge, posts } = setup({ announced: false });
  for (let i = 0; i < 150; i += 1) bridge.newVisitorThread({ uid: `t${i}` });
  bridge.ready({}, '1');
  assert.equal(posts.length, 101);
  assert.equal(posts[1].message.data.thread.uid, 't50', 'the newest are kept');
});

test('is active inside a frame and listens for messages', () => {
  const { bridge, win } = setup();
  assert.equal(bridge.active, true);
  assert.equal(win.listenerCount, 1);
  assert.deepEqual(bridge.origins, [HOST]);
});

// --- outgoing ----------------------------------------------------------------

test('posts the exact envelope, cloneable, with source and timestamp', () => {
  const { bridge, posts, clock } = setup({ announced: false });
  const agentInfo = { uid: 'a1', nickname: 'Ann', status: 'AVAILABLE' };
  bridge.ready(agentInfo, '1.2.0');
  assert.equal(posts.length, 1);
  const { message, targetOrigin } = posts[0];
  assert.equal(targetOrigin, HOST);
  assert.deepEqual(Object.keys(message).sort(), ['data', 'source', 'timestamp', 'type']);
  assert.deepEqual(message, {
    type: 'console_ready', data: { agentInfo, version: '1.2.0' }, timestamp: clock.now(), source: 'bytedesk-desktop',
  });
  assert.deepEqual(structuredClone(message), message);
});

test('posts to each allow-listed origin and never to "*"', () => {
  const { bridge, posts, logger } = setup({
    allowedOrigins: ['*', '', '  ', HOST, `${OTHER_HOST}/`, 'https://*.example.com', 'https://evil.example/path', 'null', 42],
  });
  assert.deepEqual(bridge.origins, [HOST, OTHER_HOST]);
  assert.equal(logger.warnings.filter((w) => w.includes('allow-list entry')).length, 7);
  bridge.newVisitorThread({ uid: 't1' });
  assert.deepEqual(posts.map((p) => p.targetOrigin), [HOST, OTHER_HOST]);
});

test('an allow-list of only "*" posts nothing at all', () => {
  const { bridge, posts, logger } = setup({ allowedOrigins: ['*'] });
  bridge.ready({}, '1');
  bridge.unreadChanged({ totalUnreadCount: 3, unreadThreads: [] });
  bridge.agentStatusChanged('BUSY', {});
  assert.equal(posts.length, 0);
  assert.ok(logger.warnings.some((w) => w.includes('"*"')));
});

test('accepts a comma-separated allow-list string', () => {
  const { bridge } = setup({ allowedOrigins: `${HOST}, ${OTHER_HOST}` });
  assert.deepEqual(bridge.origins, [HOST, OTHER_HOST]);
});

test('normaliseOrigin keeps exact http(s) origins only', () => {
  assert.equal(normaliseOrigin('HTTPS://Portal.Example.com:443/'), HOST);
  assert.equal(normaliseOrigin('http://localhost:8080'), 'http://localhost:8080');
  for (const bad of ['*', '', 'null', 'file:///tmp', 'https://a.example/x', 'https://a.example?x=1', 'https://u:p@a.example', undefined]) {
    assert.equal(normaliseOrigin(bad), null, String(bad));
  }
});

test('event methods post their documented types and data', () => {
  const { bridge, posts } = setup();
  const thread = { uid: 't1', topic: 'org/t1', type: 'WORKGROUP', user: { uid: 'v1', nickname: 'Vic', avatar: '' } };
  const agentInfo = { uid: 'a1', status: 'BUSY' };
  bridge.newVisitorThread(thread);
  bridge.agentStatusChanged('BUSY', agentInfo);
  for (const action of THREAD_ACTIONS) bridge.threadStatusChanged(thread, action);
  assert.deepEqual(posts.map((p) => [p.message.type, p.message.data]), [
    ['new_visitor_message', { thread }],
    ['agent_status_changed', { status: 'BUSY', agentInfo }],
    ...THREAD_ACTIONS.map((action) => ['thread_status_changed', { thread, action }]),
  ]);
  assert.deepEqual(THREAD_ACTIONS, ['queued', 'assigned', 'accepted', 'transferred', 'closed', 'reopened']);
});

test('refuses unknown thread actions and agent statuses', () => {
  const { bridge, posts, logger } = setup();
  assert.equal(bridge.threadStatusChanged({ uid: 't1' }, 'deleted'), false);
  assert.equal(bridge.threadStatusChanged({ uid: 't1' }, undefined), false);
  assert.equal(bridge.agentStatusChanged('AWAY', {}), false);
  assert.equal(posts.length, 0);
  assert.equal(logger.warnings.length, 3);
});

test('a payload that cannot be cloned is logged, not thrown', () => {
  const { bridge, win, logger } = setup();
  win.parent.postMessage = () => { throw new Error('DataCloneError'); };
  assert.doesNotThrow(() => bridge.newVisitorThread({ uid: 't1', callback() {} }));
  assert.ok(logger.warnings.some((w) => w.includes('DataCloneError')));
});

// --- unread coalescing ---------------------------------------------------------

const unread = (n) => ({ totalUnreadCount: n, unreadThreads: [{ uid: 't1', unreadCount: n }] });
const unreadPosts = (posts) => posts.filter((p) => p.message.type === 'unread_message_count');

test('a storm of 50 unread updates posts the first at once and the last once', () => {
  const { bridge, posts, clock } = setup();
  for (let i = 1; i <= 50; i++) {
    bridge.unreadChanged(unread(i));
    if (i === 1) assert.equal(unreadPosts(posts).length, 1, 'first update is posted immediately');
    clock.advance(3); // 50 updates within 150 ms
  }
  assert.equal(unreadPosts(posts).length, 1);
  clock.advance(UNREAD_INTERVAL_MS);
  const sent = unreadPosts(posts);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[0].message.data, unread(1));
  assert.deepEqual(sent[1].message.data, unread(50));
  assert.equal(sent[1].message.timestamp - sent[0].message.timestamp, UNREAD_INTERVAL_MS);
  clock.advance(10 * UNREAD_INTERVAL_MS);
  assert.equal(unreadPosts(posts).length, 2, 'nothing more once the storm is over');
  assert.equal(clock.timerCount, 0);
});

test('unread updates spaced more than 200 ms apart each post at once', () => {
  const { bridge, posts, clock } = setup();
  for (let i = 1; i <= 5; i++) {
    bridge.unreadChanged(unread(i));
    assert.equal(unreadPosts(posts).length, i);
    clock.advance(UNREAD_INTERVAL_MS + 1);
  }
  assert.deepEqual(unreadPosts(posts).map((p) => p.message.data.totalUnreadCount), [1, 2, 3, 4, 5]);
});

test('a long storm posts at most once per 200 ms and ends exact', () => {
  const { bridge, posts, clock } = setup();
  for (let i = 1; i <= 100; i++) {
    bridge.unreadChanged(unread(i));
    clock.advance(10);
  }
  clock.advance(UNREAD_INTERVAL_MS);
  const stamps = unreadPosts(posts).map((p) => p.message.timestamp);
  for (let i = 1; i < stamps.length; i++) assert.ok(stamps[i] - stamps[i - 1] >= UNREAD_INTERVAL_MS);
  assert.equal(unreadPosts(posts).at(-1).message.data.totalUnreadCount, 100);
});

test('the trailing post carries the value as it was given, not as later mutated', () => {
  const { bridge, posts, clock } = setup();
  bridge.unreadChanged(unread(1));
  const threads = [{ uid: 't1', unreadCount: 2 }];
  const snapshot = { totalUnreadCount: 2, unreadThreads: threads };
  bridge.unreadChanged(snapshot);
  snapshot.totalUnreadCount = 99;
  clock.advance(UNREAD_INTERVAL_MS);
  assert.equal(unreadPosts(posts)[1].message.data.totalUnreadCount, 2);
});

// --- incoming commands -----------------------------------------------------------

const GOOD_COMMANDS = [
  [{ type: 'update_agent_status', data: { status: 'AVAILABLE' } }, ['setStatus', 'AVAILABLE']],
  [{ type: 'update_agent_status', data: { status: 'BUSY' } }, ['setStatus', 'BUSY']],
  [{ type: 'update_agent_status', data: { status: 'OFFLINE' } }, ['setStatus', 'OFFLINE']],
  [{ type: 'update_agent_status_available' }, ['setStatus', 'AVAILABLE']],
  [{ type: 'update_agent_status_busy' }, ['setStatus', 'BUSY']],
  [{ type: 'update_agent_status_offline' }, ['setStatus', 'OFFLINE']],
  [{ type: 'refresh_threads' }, ['refreshThreads']],
  [{ type: 'clear_unread_count', data: { threadUid: 'thread_uid_here' } }, ['clearUnread', 'thread_uid_here']],
  [{ type: 'clear_unread_count', data: { threadUid: 'x'.repeat(100) } }, ['clearUnread', 'x'.repeat(100)]],
];

for (const [message, expected] of GOOD_COMMANDS) {
  test(`command ${message.type} ${JSON.stringify(message.data ?? {}).slice(0, 40)} calls ${expected[0]}`, () => {
    const { commands, fromHost, posts, logger } = setup();
    fromHost(message);
    assert.deepEqual(commands.calls, [expected]);
    assert.equal(posts.length, 0, 'no requestId, no reply (as the Bytedesk host page sends)');
    assert.equal(logger.warnings.length, 0);
  });
}

function throwingObject() {
  return new Proxy({}, {
    get() { throw new Error('getter trap'); },
    getPrototypeOf() { throw new Error('prototype trap'); },
  });
}

const BAD_MESSAGES = [
  ['unknown type', { type: 'delete_all_threads' }],
  ['type not a string', { type: 7 }],
  ['missing type', { data: { status: 'BUSY' } }],
  ['inherited name as type', { type: 'constructor' }],
  ['__proto__ as type', { type: '__proto__' }],
  ['lower-case status', { type: 'update_agent_status', data: { status: 'busy' } }],
  ['unknown status', { type: 'update_agent_status', data: { status: 'AWAY' } }],
  ['missing status', { type: 'update_agent_status', data: {} }],
  ['status without data', { type: 'update_agent_status' }],
  ['status with null data', { type: 'update_agent_status', data: null }],
  ['status with string data', { type: 'update_agent_status', data: 'BUSY' }],
  ['status with array data', { type: 'update_agent_status', data: ['BUSY'] }],
  ['status as object', { type: 'update_agent_status', data: { status: { toString: () => 'BUSY' } } }],
  ['missing threadUid', { type: 'clear_unread_count', data: {} }],
  ['clear without data', { type: 'clear_unread_count' }],
  ['empty threadUid', { type: 'clear_unread_count', data: { threadUid: '' } }],
  ['blank threadUid', { type: 'clear_unread_count', data: { threadUid: '   ' } }],
  ['too long threadUid', { type: 'clear_unread_count', data: { threadUid: 'x'.repeat(101) } }],
  ['huge threadUid', { type: 'clear_unread_count', data: { threadUid: 'x'.repeat(5_000_000) } }],
  ['numeric threadUid', { type: 'clear_unread_count', data: { threadUid: 12 } }],
  ['huge type', { type: 'y'.repeat(5_000_000) }],
  ['throwing getters in data', { type: 'update_agent_status', data: throwingObject() }],
  ['throwing getter on type', Object.defineProperty({}, 'type', { get() { throw new Error('boom'); } })],
];

const NON_OBJECT_MESSAGES = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'update_agent_status_busy'],
  ['a number', 42],
  ['an array', [{ type: 'refresh_threads' }]],
  ['a Date', new Date()],
  ['a Map', new Map([['type', 'refresh_threads']])],
  ['a proxy that throws', throwingObject()],
];

for (const [name, message] of [...BAD_MESSAGES, ...NON_OBJECT_MESSAGES]) {
  test(`bad input (${name}) calls nothing, logs and never throws`, () => {
    const { commands, fromHost, posts, logger } = setup();
    assert.doesNotThrow(() => fromHost(message));
    assert.deepEqual(commands.calls, []);
    assert.equal(posts.length, 0);
    assert.ok(logger.warnings.length >= 1);
    assert.ok(logger.warnings.every((w) => w.length < 1000), 'huge input is not copied into the log');
  });
}

test('a good command from a foreign origin calls nothing, logs and gets no reply', () => {
  const { commands, fromHost, posts, logger } = setup({ allowedOrigins: [HOST, OTHER_HOST] });
  for (const origin of ['https://evil.example', 'null', '', undefined, 'https://portal.example.com.evil.example', `${HOST}/`]) {
    fromHost({ type: 'update_agent_status_busy', requestId: 'r1' }, { origin });
  }
  assert.deepEqual(commands.calls, []);
  assert.equal(posts.length, 0);
  assert.equal(logger.warnings.length, 6);
});

test('a good command from another window of an allowed origin calls nothing and gets no reply', async () => {
  const { win, commands, fromHost, posts, logger } = setup();
  for (const source of [{}, null, undefined, win]) {
    fromHost({ type: 'refresh_threads', requestId: 'r1' }, { source });
  }
  await settle();
  assert.deepEqual(commands.calls, []);
  assert.equal(posts.length, 0);
  assert.equal(logger.warnings.length, 4);
});

test('an event object with throwing getters never throws out of the listener', () => {
  const { win, commands, logger } = setup();
  assert.doesNotThrow(() => win.deliver(throwingObject()));
  assert.doesNotThrow(() => win.deliver(null));
  assert.deepEqual(commands.calls, []);
  assert.equal(logger.warnings.length, 2);
});

// --- command_result ------------------------------------------------------------------

test('an accepted command with a requestId is answered ok:true after it resolves', async () => {
  const { commands, fromHost, posts } = setup({ allowedOrigins: [HOST, OTHER_HOST] });
  fromHost({ type: 'update_agent_status', data: { status: 'BUSY' }, requestId: 'req-1' });
  assert.deepEqual(commands.calls, [['setStatus', 'BUSY']]);
  assert.equal(posts.length, 0, 'not before the server answered');
  await settle();
  assert.equal(posts.length, 1);
  assert.equal(posts[0].targetOrigin, HOST, 'only to the origin that asked');
  assert.equal(posts[0].message.type, 'command_result');
  assert.equal(posts[0].message.source, 'bytedesk-desktop');
  assert.deepEqual(posts[0].message.data, { requestId: 'req-1', ok: true });
});

test('replies go to the asking origin, whichever allowed origin it is', async () => {
  const { fromHost, posts } = setup({ allowedOrigins: [HOST, OTHER_HOST] });
  fromHost({ type: 'refresh_threads', requestId: 9 }, { origin: OTHER_HOST });
  await settle();
  assert.deepEqual(posts.map((p) => [p.targetOrigin, p.message.data]), [[OTHER_HOST, { requestId: 9, ok: true }]]);
});

test('a command the server refuses is answered ok:false with its message', async () => {
  const { commands, fromHost, posts, logger } = setup({ refuse: 'thread t9 is not yours' });
  fromHost({ type: 'clear_unread_count', data: { threadUid: 't9' }, requestId: 'req-2' });
  await settle();
  assert.deepEqual(commands.calls, [['clearUnread', 't9']]);
  assert.deepEqual(posts[0].message.data, { requestId: 'req-2', ok: false, error: 'thread t9 is not yours' });
  assert.ok(logger.warnings.some((w) => w.includes('thread t9 is not yours')));
});

test('a command that throws synchronously is answered ok:false', async () => {
  const { win, posts, bridge: defaultBridge } = setup();
  defaultBridge.destroy();
  const bridge = createBridge({
    window: win, allowedOrigins: [HOST], logger: fakeLogger(),
    commands: { refreshThreads() { throw new Error('offline'); } },
  });
  bridge.ready({}, '1');
  posts.length = 0;
  win.deliver({ origin: HOST, source: win.parent, data: { type: 'refresh_threads', requestId: 'r' } });
  await settle();
  assert.deepEqual(posts.map((p) => p.message.data), [{ requestId: 'r', ok: false, error: 'offline' }]);
  bridge.destroy();
});

test('a refused command with a requestId from an allowed parent is answered ok:false', async () => {
  const { commands, fromHost, posts } = setup();
  fromHost({ type: 'update_agent_status', data: { status: 'AWAY' }, requestId: 'r-bad' });
  fromHost({ type: 'clear_unread_count', requestId: 'r-uid' });
  fromHost({ type: 'no_such_command', requestId: 'r-type' });
  await settle();
  assert.deepEqual(commands.calls, []);
  assert.deepEqual(posts.map((p) => [p.targetOrigin, p.message.data.requestId, p.message.data.ok]), [
    [HOST, 'r-bad', false], [HOST, 'r-uid', false], [HOST, 'r-type', false],
  ]);
  assert.ok(posts.every((p) => typeof p.message.data.error === 'string' && p.message.data.error.length > 0));
});

test('a requestId that is not a short string or finite number gets no reply', async () => {
  const { commands, fromHost, posts } = setup();
  for (const requestId of [{}, ['r'], null, '', 'r'.repeat(1000), Number.NaN]) {
    fromHost({ type: 'refresh_threads', requestId });
  }
  await settle();
  assert.equal(commands.calls.length, 6, 'the command itself still runs');
  assert.equal(posts.length, 0);
});

// --- destroy -----------------------------------------------------------------------------

test('destroy removes the listener, drops the pending unread post and silences everything', async () => {
  const { bridge, win, clock, commands, fromHost, posts } = setup();
  bridge.unreadChanged(unread(1));
  bridge.unreadChanged(unread(2)); // pending trailing post
  fromHost({ type: 'refresh_threads', requestId: 'in-flight' });
  assert.equal(posts.length, 1);
  bridge.destroy();
  assert.equal(win.listenerCount, 0);
  assert.equal(clock.timerCount, 0);
  clock.advance(1000);
  await settle();
  fromHost({ type: 'update_agent_status_busy' });
  bridge.ready({}, '1');
  bridge.newVisitorThread({});
  bridge.unreadChanged(unread(3));
  bridge.destroy();
  assert.equal(posts.length, 1, 'no trailing post, no late reply, no events');
  assert.deepEqual(commands.calls, [['refreshThreads']]);
});
