import test from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from '../../main/webapp/js/store.js';

const ME = 'agent-me';
const OTHER = 'agent-other';

function agentInfo(overrides = {}) {
  return {
    uid: ME,
    username: 'me@example.com',
    nickname: 'Me',
    avatar: null,
    status: 'AVAILABLE',
    maxThreads: 5,
    activeThreads: 1,
    workgroups: [{ uid: 'wg-sales', name: 'Sales' }],
    ...overrides,
  };
}

function thread(uid, overrides = {}) {
  return {
    uid,
    topic: `topic ${uid}`,
    type: 'WORKGROUP',
    status: 'CHATTING',
    user: { uid: `visitor-${uid}`, nickname: `Visitor ${uid}`, avatar: null },
    agentUid: ME,
    workgroupUid: 'wg-sales',
    createdAt: 1000,
    updatedAt: 1000,
    content: 'hello',
    lastMessageAt: 1000,
    unreadCount: 0,
    ...overrides,
  };
}

function message(uid, threadUid, createdAt, overrides = {}) {
  return {
    uid,
    threadUid,
    senderKind: 'VISITOR',
    senderUid: `visitor-${threadUid}`,
    content: `message ${uid}`,
    clientMessageId: `client-${uid}`,
    createdAt,
    ...overrides,
  };
}

function event(type, data, seq = 1) {
  return { seq, type, data, timestamp: 5000 };
}

// The summary of a thread as thread_status_changed carries it (EventPayloads.threadStatusChanged).
function statusEvent(action, uid, status, agentUid, extra = {}) {
  return event('thread_status_changed', {
    thread: { uid, topic: `topic ${uid}`, type: 'WORKGROUP', status, user: { uid: `visitor-${uid}`, nickname: `Visitor ${uid}`, avatar: null }, agentUid, workgroupUid: 'wg-sales', ...extra },
    action,
  });
}

function loadedStore() {
  const store = createStore();
  store.setAgent(agentInfo());
  store.setThreads('mine', [thread('t-mine')]);
  store.setThreads('queued', [thread('t-queued', { status: 'QUEUED', agentUid: null })]);
  store.setThreads('closed', [thread('t-closed', { status: 'CLOSED' })]);
  return store;
}

const uids = (store, view) => store.threads(view).map((t) => t.uid);

test('setThreads fills each view in server order', () => {
  const store = loadedStore();
  store.setThreads('mine', [thread('a'), thread('b')]);
  assert.deepEqual(uids(store, 'mine'), ['a', 'b']);
  assert.deepEqual(uids(store, 'queued'), ['t-queued']);
  assert.deepEqual(uids(store, 'closed'), ['t-closed']);
  assert.equal(store.viewOf('b'), 'mine');
  assert.equal(store.thread('a').topic, 'topic a');
  assert.throws(() => store.setThreads('other', []), TypeError);
});

test('a reloaded list drops threads that left the view and takes them out of the others', () => {
  const store = loadedStore();
  store.setThreads('mine', [thread('t-queued', { status: 'CHATTING' })]);
  assert.deepEqual(uids(store, 'mine'), ['t-queued']);
  assert.deepEqual(uids(store, 'queued'), []);
});

test('agent_status_changed takes status and agentInfo and keeps fields the event lacks', () => {
  const store = loadedStore();
  const seen = [];
  store.subscribe((changes) => seen.push([...changes]));
  const info = { uid: ME, nickname: 'Me', avatar: null, status: 'BUSY', workgroups: [], maxThreads: 5, activeThreads: 2 };
  assert.equal(store.apply(event('agent_status_changed', { status: 'BUSY', agentInfo: info, cause: 'HOST' })), true);
  assert.equal(store.agent.status, 'BUSY');
  assert.equal(store.agent.activeThreads, 2);
  assert.equal(store.agent.username, 'me@example.com');
  assert.deepEqual(seen, [['agent']]);
});

test('thread_status_changed queued: a thread queued in my workgroup appears in the queue', () => {
  const store = loadedStore();
  store.apply(statusEvent('queued', 't-new', 'QUEUED', null));
  assert.deepEqual(uids(store, 'queued'), ['t-new', 't-queued']);
  assert.equal(store.thread('t-new').status, 'QUEUED');
});

test('thread_status_changed queued/transferred into a workgroup I am not in shows nowhere', () => {
  const store = loadedStore();
  store.apply(statusEvent('transferred', 't-mine', 'QUEUED', null, { workgroupUid: 'wg-support' }));
  assert.equal(store.viewOf('t-mine'), null);
  assert.deepEqual(uids(store, 'mine'), []);
  assert.deepEqual(uids(store, 'queued'), ['t-queued']);
});

test('thread_status_changed assigned: to me moves it from the queue to mine; to a colleague takes it out of the queue', () => {
  const store = loadedStore();
  store.setThreads('queued', [thread('q1', { status: 'QUEUED', agentUid: null }), thread('q2', { status: 'QUEUED', agentUid: null })]);
  store.apply(statusEvent('assigned', 'q1', 'ASSIGNED', ME));
  assert.deepEqual(uids(store, 'mine'), ['q1', 't-mine']);
  assert.deepEqual(uids(store, 'queued'), ['q2']);
  store.apply(statusEvent('assigned', 'q2', 'ASSIGNED', OTHER));
  assert.deepEqual(uids(store, 'queued'), []);
  assert.equal(store.viewOf('q2'), null);
});

test('thread_status_changed accepted: by me it is mine and CHATTING; by a colleague it leaves my queue', () => {
  const store = loadedStore();
  store.apply(statusEvent('accepted', 't-queued', 'CHATTING', ME));
  assert.deepEqual(uids(store, 'mine'), ['t-queued', 't-mine']);
  assert.equal(store.thread('t-queued').status, 'CHATTING');
  assert.deepEqual(uids(store, 'queued'), []);

  const other = loadedStore();
  other.apply(statusEvent('accepted', 't-queued', 'CHATTING', OTHER));
  assert.equal(other.viewOf('t-queued'), null);
  assert.deepEqual(uids(other, 'mine'), ['t-mine']);
});

test('thread_status_changed transferred: away from me it leaves mine; to me it arrives in mine', () => {
  const store = loadedStore();
  store.apply(statusEvent('transferred', 't-mine', 'ASSIGNED', OTHER));
  assert.deepEqual(uids(store, 'mine'), []);
  store.apply(statusEvent('transferred', 't-in', 'ASSIGNED', ME));
  assert.deepEqual(uids(store, 'mine'), ['t-in']);
  assert.equal(store.thread('t-in').status, 'ASSIGNED');
});

test('thread_status_changed transferred to my own workgroup queue lands in the queue', () => {
  const store = loadedStore();
  store.apply(statusEvent('transferred', 't-mine', 'QUEUED', null));
  assert.deepEqual(uids(store, 'mine'), []);
  assert.deepEqual(uids(store, 'queued'), ['t-mine', 't-queued']);
});

test('thread_status_changed closed: mine moves to the top of closed; a queued one the visitor left disappears', () => {
  const store = loadedStore();
  store.apply(statusEvent('closed', 't-mine', 'CLOSED', ME));
  assert.deepEqual(uids(store, 'mine'), []);
  assert.deepEqual(uids(store, 'closed'), ['t-mine', 't-closed']);
  store.apply(statusEvent('closed', 't-queued', 'CLOSED', null));
  assert.deepEqual(uids(store, 'queued'), []);
  assert.deepEqual(uids(store, 'closed'), ['t-mine', 't-closed']);
});

test('thread_status_changed reopened: from closed back to mine', () => {
  const store = loadedStore();
  store.apply(statusEvent('reopened', 't-closed', 'CHATTING', ME));
  assert.deepEqual(uids(store, 'closed'), []);
  assert.deepEqual(uids(store, 'mine'), ['t-closed', 't-mine']);
  assert.equal(store.thread('t-closed').status, 'CHATTING');
});

test('thread_status_changed without a status falls back to the action', () => {
  const store = loadedStore();
  const data = { thread: { uid: 't-mine', agentUid: ME }, action: 'closed' };
  store.apply(event('thread_status_changed', data));
  assert.equal(store.thread('t-mine').status, 'CLOSED');
  assert.equal(store.viewOf('t-mine'), 'closed');
});

test('thread_status_changed merges the summary into what the list had', () => {
  const store = loadedStore();
  store.apply(statusEvent('accepted', 't-mine', 'CHATTING', ME));
  const merged = store.thread('t-mine');
  assert.equal(merged.content, 'hello');
  assert.equal(merged.lastMessageAt, 1000);
});

test('applying the same event twice ends in the same state', () => {
  const store = loadedStore();
  const closed = statusEvent('closed', 't-mine', 'CLOSED', ME);
  store.apply(closed);
  store.apply(closed);
  assert.deepEqual(uids(store, 'closed'), ['t-mine', 't-closed']);
  const unread = event('unread_count_changed', { threadUid: 't-x', topic: 'x', type: 'AGENT', unreadCount: 2, content: 'c', updatedAt: 9 });
  store.apply(unread);
  store.apply(unread);
  assert.equal(store.unreadSummary().totalUnreadCount, 2);
});

test('the closed view keeps at most 50 threads', () => {
  const store = loadedStore();
  store.setThreads('closed', Array.from({ length: 50 }, (_, i) => thread(`c${i}`, { status: 'CLOSED' })));
  store.apply(statusEvent('closed', 't-mine', 'CLOSED', ME));
  const closed = uids(store, 'closed');
  assert.equal(closed.length, 50);
  assert.equal(closed[0], 't-mine');
  assert.equal(closed.includes('c49'), false);
});

test('new_visitor_message: a queued thread goes to the queue', () => {
  const store = loadedStore();
  store.apply(event('new_visitor_message', {
    thread: { uid: 'nv', topic: 'Pricing', type: 'WORKGROUP', status: 'QUEUED', user: { uid: 'v1', nickname: 'Ann', avatar: null }, createdAt: 7, content: 'hi' },
  }));
  assert.deepEqual(uids(store, 'queued'), ['nv', 't-queued']);
  assert.equal(store.thread('nv').user.nickname, 'Ann');
  assert.equal(store.thread('nv').content, 'hi');
});

test('new_visitor_message: a thread routed to me (no agentUid in the summary) goes to mine', () => {
  const store = loadedStore();
  store.apply(event('new_visitor_message', {
    thread: { uid: 'nv', topic: 'Pricing', type: 'WORKGROUP', status: 'ASSIGNED', user: { uid: 'v1', nickname: 'Ann', avatar: null }, createdAt: 7, content: null },
  }));
  assert.deepEqual(uids(store, 'mine'), ['nv', 't-mine']);
  assert.equal(store.thread('nv').agentUid, ME);
});

test('unread_count_changed sets the exact count and zero removes the thread from the summary', () => {
  const store = loadedStore();
  store.apply(event('unread_count_changed', { threadUid: 't-mine', topic: 'topic t-mine', type: 'WORKGROUP', unreadCount: 3, content: 'where is it?', updatedAt: 2000 }));
  assert.equal(store.unreadOf('t-mine'), 3);
  assert.equal(store.thread('t-mine').unreadCount, 3);
  store.apply(event('unread_count_changed', { threadUid: 't-mine', topic: 'topic t-mine', type: 'WORKGROUP', unreadCount: 0, content: 'where is it?', updatedAt: 2100 }));
  assert.equal(store.unreadOf('t-mine'), 0);
  assert.deepEqual(store.unreadSummary(), { totalUnreadCount: 0, unreadThreads: [] });
});

test('unreadSummary has exactly the contract shape, newest first, with the right total', () => {
  const store = loadedStore();
  store.apply(event('unread_count_changed', { threadUid: 'a', topic: 'A', type: 'WORKGROUP', unreadCount: 2, content: 'one', updatedAt: 100 }));
  store.apply(event('unread_count_changed', { threadUid: 'b', topic: 'B', type: 'AGENT', unreadCount: 5, content: null, updatedAt: 300 }));
  store.apply(event('unread_count_changed', { threadUid: 'c', topic: 'C', type: 'GROUP', unreadCount: 1, updatedAt: 200 }));
  assert.deepEqual(store.unreadSummary(), {
    totalUnreadCount: 8,
    unreadThreads: [
      { uid: 'b', topic: 'B', type: 'AGENT', unreadCount: 5, content: null, updatedAt: 300 },
      { uid: 'c', topic: 'C', type: 'GROUP', unreadCount: 1, content: null, updatedAt: 200 },
      { uid: 'a', topic: 'A', type: 'WORKGROUP', unreadCount: 2, content: 'one', updatedAt: 100 },
    ],
  });
  // A snapshot, not a live view: the bridge may hold it.
  const snapshot = store.unreadSummary();
  snapshot.unreadThreads[0].unreadCount = 99;
  assert.equal(store.unreadOf('b'), 5);
});

test('setUnread replaces every count with the server answer', () => {
  const store = loadedStore();
  store.apply(event('unread_count_changed', { threadUid: 'old', topic: 'O', type: 'AGENT', unreadCount: 4, content: 'x', updatedAt: 1 }));
  store.setUnread({ totalUnreadCount: 2, unreadThreads: [{ uid: 'new', topic: 'N', type: 'WORKGROUP', unreadCount: 2, content: 'y', updatedAt: 2 }] });
  assert.deepEqual(store.unreadSummary(), {
    totalUnreadCount: 2,
    unreadThreads: [{ uid: 'new', topic: 'N', type: 'WORKGROUP', unreadCount: 2, content: 'y', updatedAt: 2 }],
  });
});

test('unread listeners hear only real changes, and the version counts them', () => {
  const store = loadedStore();
  let heard = 0;
  store.subscribe((changes) => { if (changes.has('unread')) heard += 1; });
  const data = { threadUid: 'a', topic: 'A', type: 'AGENT', unreadCount: 1, content: 'x', updatedAt: 1 };
  store.apply(event('unread_count_changed', data));
  store.apply(event('unread_count_changed', data));
  assert.equal(heard, 1);
  assert.equal(store.unreadVersion('a'), 1);
  store.setUnreadCount('a', 0);
  assert.equal(heard, 2);
  assert.equal(store.unreadVersion('a'), 2);
  store.setUnreadCount('a', 0);
  assert.equal(heard, 2);
});

test('message_created adds to a loaded conversation once, in time order, and updates the thread preview', () => {
  const store = loadedStore();
  store.setThreads('mine', [thread('t1'), thread('t-mine')]);
  store.setLatestMessages('t-mine', { messages: [message('m1', 't-mine', 10), message('m3', 't-mine', 30)], hasMore: false });
  store.apply(event('message_created', { message: message('m2', 't-mine', 20) }));
  store.apply(event('message_created', { message: message('m2', 't-mine', 20) }));
  store.apply(event('message_created', { message: message('m4', 't-mine', 4000, { content: 'latest' }) }));
  assert.deepEqual(store.messages('t-mine').items.map((m) => m.uid), ['m1', 'm2', 'm3', 'm4']);
  assert.equal(store.thread('t-mine').content, 'latest');
  assert.equal(store.thread('t-mine').lastMessageAt, 4000);
  assert.equal(store.thread('t-mine').updatedAt, 4000);
  assert.deepEqual(uids(store, 'mine'), ['t-mine', 't1'], 'the active conversation moves to the top');
});

test('message_created for a conversation never opened only updates the preview', () => {
  const store = loadedStore();
  store.apply(event('message_created', { message: message('m9', 't-mine', 2000, { content: 'new' }) }));
  assert.equal(store.messages('t-mine').loaded, false);
  assert.deepEqual(store.messages('t-mine').items, []);
  assert.equal(store.thread('t-mine').content, 'new');
});

test('an older message does not replace a newer preview', () => {
  const store = loadedStore();
  store.apply(event('message_created', { message: message('old', 't-mine', 500, { content: 'older' }) }));
  assert.equal(store.thread('t-mine').content, 'hello');
});

test('paging: older pages are merged in front without duplicates; hasMore follows the last page', () => {
  const store = loadedStore();
  store.setLatestMessages('t-mine', { messages: [message('m3', 't-mine', 30), message('m4', 't-mine', 40)], hasMore: true });
  assert.equal(store.oldestMessageUid('t-mine'), 'm3');
  assert.equal(store.messages('t-mine').hasMore, true);
  store.prependMessages('t-mine', { messages: [message('m1', 't-mine', 10), message('m2', 't-mine', 20), message('m3', 't-mine', 30)], hasMore: false });
  const page = store.messages('t-mine');
  assert.deepEqual(page.items.map((m) => m.uid), ['m1', 'm2', 'm3', 'm4']);
  assert.equal(page.hasMore, false);
  assert.equal(page.loaded, true);
  assert.equal(store.oldestMessageUid('t-mine'), 'm1');
});

test('the newest page replaces what was loaded (a gap could hide between)', () => {
  const store = loadedStore();
  store.setLatestMessages('t-mine', { messages: [message('m1', 't-mine', 10)], hasMore: false });
  store.setLatestMessages('t-mine', { messages: [message('m7', 't-mine', 70)], hasMore: true });
  assert.deepEqual(store.messages('t-mine').items.map((m) => m.uid), ['m7']);
  assert.equal(store.messages('t-mine').hasMore, true);
});

test('a pending message shows last, can fail and be retried, and is replaced by the server copy', () => {
  const store = loadedStore();
  store.setLatestMessages('t-mine', { messages: [message('m1', 't-mine', 10)], hasMore: false });
  store.addPending('t-mine', { clientMessageId: 'c-1', content: 'on my way', createdAt: 50 });
  let items = store.messages('t-mine').items;
  assert.deepEqual(items.map((m) => [m.uid, m.state]), [['m1', 'sent'], [null, 'pending']]);

  store.markFailed('t-mine', 'c-1', { message: 'network error' });
  assert.equal(store.pendingMessage('t-mine', 'c-1').state, 'failed');
  store.addPending('t-mine', { clientMessageId: 'c-1', content: 'on my way' });
  assert.equal(store.pendingMessage('t-mine', 'c-1').state, 'pending');
  assert.equal(store.messages('t-mine').items.length, 2, 'a retry is the same message');

  // A visitor message arriving meanwhile sorts before what is still sending.
  store.addMessage(message('m2', 't-mine', 60));
  items = store.messages('t-mine').items;
  assert.deepEqual(items.map((m) => m.uid), ['m1', 'm2', null]);

  const stored = message('m3', 't-mine', 70, { senderKind: 'AGENT', senderUid: ME, clientMessageId: 'c-1', content: 'on my way' });
  store.addMessage(stored);
  store.apply(event('message_created', { message: stored }));
  items = store.messages('t-mine').items;
  assert.deepEqual(items.map((m) => [m.uid, m.state]), [['m1', 'sent'], ['m2', 'sent'], ['m3', 'sent']]);
  assert.equal(store.pendingMessage('t-mine', 'c-1'), null);
});

test('a pending message in a conversation still loading is replaced by its server copy', () => {
  const store = loadedStore();
  store.addPending('t-mine', { clientMessageId: 'c-2', content: 'quick' });
  store.addMessage(message('m5', 't-mine', 5, { senderKind: 'AGENT', clientMessageId: 'c-2' }));
  assert.deepEqual(store.messages('t-mine').items.map((m) => m.uid), ['m5']);
});

test('batch notifies listeners once with every kind of change; unsubscribe stops them', () => {
  const store = createStore();
  const seen = [];
  const off = store.subscribe((changes) => seen.push([...changes].sort()));
  store.batch(() => {
    store.setAgent(agentInfo());
    store.setThreads('mine', [thread('a')]);
    store.setCurrent('a');
  });
  assert.deepEqual(seen, [['agent', 'current', 'threads']]);
  off();
  store.setCurrent(null);
  assert.equal(seen.length, 1);
});

test('a failing listener does not stop the others', () => {
  const store = createStore();
  const original = console.error;
  console.error = () => {};
  try {
    let heard = false;
    store.subscribe(() => { throw new Error('broken view'); });
    store.subscribe(() => { heard = true; });
    store.setConnection('online');
    assert.equal(heard, true);
    assert.equal(store.connection, 'online');
  } finally {
    console.error = original;
  }
});

test('unknown or malformed events are refused without changing anything', () => {
  const store = loadedStore();
  assert.equal(store.apply(event('something_new', { x: 1 })), false);
  assert.equal(store.apply({ type: 'thread_status_changed' }), false);
  assert.equal(store.apply(event('unread_count_changed', { unreadCount: 3 })), false);
  assert.deepEqual(store.unreadSummary(), { totalUnreadCount: 0, unreadThreads: [] });
  assert.deepEqual(uids(store, 'mine'), ['t-mine']);
});

test('visitors and the current thread are kept as copies', () => {
  const store = loadedStore();
  store.setVisitor({ uid: 'v1', nickname: 'Ann', notes: '', firstSeenAt: 1, lastSeenAt: 2 });
  const copy = store.visitor('v1');
  copy.nickname = 'changed';
  assert.equal(store.visitor('v1').nickname, 'Ann');
  store.setCurrent('t-mine');
  assert.equal(store.currentUid, 't-mine');
});
