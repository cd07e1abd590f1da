import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHostLink } from '../../main/webapp/js/host-link.js';
import { createListLoader } from '../../main/webapp/js/lists.js';
import { createStore } from '../../main/webapp/js/store.js';

// The real bridge, store and list loader; only the window, the clock and the
// REST API are fakes. What a host page would receive is `posts`.

const HOST = 'https://portal.example.com';
const AGENT = { uid: 'a1', username: 'ann@example.com', nickname: 'Ann', avatar: null, status: 'AVAILABLE', workgroups: [], maxThreads: 5, activeThreads: 0 };
const UNREAD_T1 = { uid: 't1', topic: 'org/t1', type: 'WORKGROUP', unreadCount: 2, content: 'hi', updatedAt: 10 };

function fakeFrame() {
  const listeners = new Set();
  const parent = { posts: [], postMessage(message, targetOrigin) { this.posts.push({ message, targetOrigin }); } };
  return {
    parent,
    addEventListener(type, fn) { if (type === 'message') listeners.add(fn); },
    removeEventListener(type, fn) { if (type === 'message') listeners.delete(fn); },
    deliver(event) { for (const fn of [...listeners]) fn(event); },
  };
}

// A clock the bridge's 200 ms unread window runs on; tests move it past the window.
function fakeClock() {
  let now = 1_700_000_000_000;
  const timers = new Map();
  let id = 0;
  return {
    now: () => now,
    setTimeout(fn, ms) { timers.set(++id, { at: now + ms, fn }); return id; },
    clearTimeout(key) { timers.delete(key); },
    advance(ms) {
      now += ms;
      for (const [key, timer] of [...timers]) if (timer.at <= now) { timers.delete(key); timer.fn(); }
    },
  };
}

function fakeApi({ unread = { totalUnreadCount: 2, unreadThreads: [UNREAD_T1] }, agent = AGENT } = {}) {
  const api = {
    calls: [],
    failLists: false,
    agent: { ...agent },
    unreadAnswer: unread,
    async listThreads(view) {
      api.calls.push(['listThreads', view]);
      if (api.failLists) throw Object.assign(new Error('down'), { status: 503 });
      return [];
    },
    async unread() {
      if (api.failLists) throw Object.assign(new Error('down'), { status: 503 });
      return api.unreadAnswer;
    },
    async me() { return { agent: { ...api.agent } }; },
    // The server answers the agent as stored; a status that did not change pushes no event.
    async setStatus(status, source) {
      api.calls.push(['setStatus', status, source]);
      api.agent = { ...api.agent, status };
      return { ...api.agent };
    },
    async markRead(uid) { api.calls.push(['markRead', uid]); return { threadUid: uid, cleared: 2 }; },
  };
  return api;
}

function setup(options) {
  const win = fakeFrame();
  const clock = fakeClock();
  const store = createStore();
  const api = fakeApi(options);
  store.setAgent(api.agent);
  let link = null;
  const lists = createListLoader({ api, store, onLoaded: () => link.listsLoaded() });
  link = createHostLink({
    window: win,
    allowedOrigins: [HOST],
    api,
    store,
    lists,
    markRead: async (uid) => { await api.markRead(uid); store.setUnreadCount(uid, 0); },
    version: '1.0.0',
    bridgeOptions: { now: clock.now, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, logger: { warn() {}, error() {} } },
  });
  const posts = win.parent.posts;
  const types = () => posts.map((p) => p.message.type);
  const command = (data) => win.deliver({ origin: HOST, source: win.parent, data });
  return { win, clock, store, api, lists, link, posts, types, command };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('console_ready is the first post; events and counts from before it are not posted ahead of it', async () => {
  const { link, lists, store, posts, types } = setup();
  // Start-up: socket events arrive and the first load finishes before the console is ready.
  link.serverEvent({ type: 'new_visitor_message', data: { thread: { uid: 't1' } } });
  link.serverEvent({ type: 'agent_status_changed', data: { status: 'BUSY', agentInfo: { uid: 'a1', status: 'BUSY' } } });
  store.apply({ type: 'unread_count_changed', data: { ...UNREAD_T1, unreadCount: 1 } });
  await lists.reload();
  assert.deepEqual(posts, []);

  link.start();
  assert.equal(types()[0], 'console_ready');
  assert.deepEqual(types(), ['console_ready', 'new_visitor_message', 'unread_message_count']);
  assert.equal(posts[0].message.data.agentInfo.uid, 'a1');
  assert.deepEqual(posts[2].message.data, { totalUnreadCount: 2, unreadThreads: [UNREAD_T1] });
});

test('the first unread count waits for a load that succeeded, then is exact', async () => {
  const { link, lists, store, api, clock, posts, types } = setup();
  api.failLists = true;
  await assert.rejects(lists.reload());
  link.start();
  // An event changes a count: still no unread post, the console does not know the others yet.
  store.apply({ type: 'unread_count_changed', data: { ...UNREAD_T1, uid: 't9', unreadCount: 1 } });
  clock.advance(1000);
  assert.deepEqual(types(), ['console_ready']);

  api.failLists = false;
  await lists.reload();
  clock.advance(1000);
  assert.deepEqual(types(), ['console_ready', 'unread_message_count']);
  assert.deepEqual(posts[1].message.data, { totalUnreadCount: 2, unreadThreads: [UNREAD_T1] });
});

test('a status command for the status the agent already has is still followed by agent_status_changed', async () => {
  const { link, lists, command, posts, types, api } = setup();
  await lists.reload();
  link.start();
  posts.length = 0;
  command({ type: 'update_agent_status', data: { status: 'AVAILABLE' }, requestId: 'same' });
  await settle();
  assert.deepEqual(api.calls.filter((c) => c[0] === 'setStatus'), [['setStatus', 'AVAILABLE', 'host']]);
  assert.deepEqual(types(), ['agent_status_changed', 'command_result']);
  assert.equal(posts[0].message.data.status, 'AVAILABLE');
  assert.deepEqual(Object.keys(posts[0].message.data.agentInfo).sort(),
    ['activeThreads', 'avatar', 'maxThreads', 'nickname', 'status', 'uid', 'workgroups'], 'contract §3 agentInfo');
  assert.deepEqual(posts[1].message.data, { requestId: 'same', ok: true });
});

test('a status command that changes the status leaves the event to the server push (one event, not two)', async () => {
  const { link, lists, command, types } = setup();
  await lists.reload();
  link.start();
  command({ type: 'update_agent_status_busy', requestId: 'r' });
  await settle();
  assert.deepEqual(types().filter((type) => type === 'agent_status_changed'), []);
  link.serverEvent({ type: 'agent_status_changed', data: { status: 'BUSY', agentInfo: { uid: 'a1', status: 'BUSY' } } });
  assert.equal(types().filter((type) => type === 'agent_status_changed').length, 1);
});

test('after a resync the host gets the current status and an exact unread count', async () => {
  const { link, lists, clock, api, posts, types } = setup();
  await lists.reload();
  link.start();
  clock.advance(1000);
  posts.length = 0;
  // In the gap, another tab made the agent BUSY and the unread count did not change.
  api.agent = { ...api.agent, status: 'BUSY' };
  await lists.resync();
  link.resynced();
  clock.advance(1000);
  assert.deepEqual(types(), ['agent_status_changed', 'unread_message_count']);
  assert.equal(posts[0].message.data.status, 'BUSY');
  assert.deepEqual(posts[1].message.data, { totalUnreadCount: 2, unreadThreads: [UNREAD_T1] });
});

test('refresh_threads and clear_unread_count are each followed by an unread count', async () => {
  const { link, lists, clock, command, posts, types } = setup();
  await lists.reload();
  link.start();
  clock.advance(1000);
  posts.length = 0;
  command({ type: 'refresh_threads' });
  await settle();
  clock.advance(1000);
  assert.deepEqual(types(), ['unread_message_count'], 'posted even though nothing changed');
  posts.length = 0;
  command({ type: 'clear_unread_count', data: { threadUid: 't1' } });
  await settle();
  clock.advance(1000);
  // The count changed (one post) and the command is answered with a count (coalesced, the last exact).
  assert.ok(posts.length >= 1 && types().every((type) => type === 'unread_message_count'), types().join());
  assert.deepEqual(posts.at(-1).message.data, { totalUnreadCount: 0, unreadThreads: [] });
});

test('destroy stops posting and listening', async () => {
  const { link, lists, store, command, api, posts } = setup();
  await lists.reload();
  link.start();
  posts.length = 0;
  link.destroy();
  store.apply({ type: 'unread_count_changed', data: { ...UNREAD_T1, unreadCount: 5 } });
  command({ type: 'update_agent_status_busy' });
  await settle();
  assert.deepEqual(posts, []);
  assert.deepEqual(api.calls.filter((c) => c[0] === 'setStatus'), []);
});

test('transfer offers reach the host as transfer_offer_changed (ext); the move itself as thread_status_changed', async () => {
  const { link, lists, posts, types } = setup();
  await lists.reload();
  link.start();
  const offer = { uid: 'o1', state: 'PENDING', threadUid: 't1', from: { uid: 'a1' }, to: { uid: 'a2' } };
  link.serverEvent({ type: 'transfer_offer', data: { offer } });
  link.serverEvent({ type: 'transfer_offer', data: { offer: { ...offer, state: 'ACCEPTED' } } });
  link.serverEvent({ type: 'thread_status_changed', data: { thread: { uid: 't1', agentUid: 'a2' }, action: 'transferred' } });
  assert.deepEqual(types().slice(-3), ['transfer_offer_changed', 'transfer_offer_changed', 'thread_status_changed']);
  assert.equal(posts.at(-3).message.data.offer.state, 'PENDING');
  assert.equal(posts.at(-2).message.data.offer.state, 'ACCEPTED');
  assert.equal(posts.at(-1).message.data.action, 'transferred');
});
