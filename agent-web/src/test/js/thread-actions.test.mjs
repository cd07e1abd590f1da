import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createThreadActions } from '../../main/webapp/js/thread-actions.js';
import { createStore } from '../../main/webapp/js/store.js';

const unreadT1 = (count) => ({ uid: 't1', topic: 'org/t1', type: 'WORKGROUP', unreadCount: count, content: 'hi', updatedAt: 1 });

test('markRead zeroes the count unless an event about the thread arrived during the request', async () => {
  const store = createStore();
  store.setUnread({ unreadThreads: [unreadT1(2)] });
  const actions = createThreadActions({ store, api: { markRead: async () => ({ cleared: 2 }) } });
  await actions.markRead('t1');
  assert.equal(store.unreadOf('t1'), 0);

  store.setUnread({ unreadThreads: [unreadT1(2)] });
  const racing = createThreadActions({
    store,
    api: {
      async markRead() {
        // A new visitor message lands while our request is in flight: the event is newer than our zero.
        store.apply({ type: 'unread_count_changed', data: unreadT1(3) });
        return { cleared: 2 };
      },
    },
  });
  await racing.markRead('t1');
  assert.equal(store.unreadOf('t1'), 3);
});

test('a message the server refuses is marked failed with a readable reason, and retried with the same id', async () => {
  const store = createStore();
  const sent = [];
  let refuse = true;
  const api = {
    async sendMessage(uid, body) {
      sent.push(body.clientMessageId);
      if (refuse) throw Object.assign(new Error('raw'), { code: 'overloaded' });
      return { uid: 'm1', threadUid: uid, clientMessageId: body.clientMessageId, content: body.content, senderKind: 'AGENT', createdAt: 1 };
    },
  };
  const actions = createThreadActions({ store, api, describe: () => 'The server is busy' });
  actions.sendMessage('t1', 'Hello');
  await new Promise((resolve) => setImmediate(resolve));
  const [pending] = store.messages('t1').items.filter((m) => m.state === 'failed');
  assert.equal(pending.error.message, 'The server is busy');
  assert.equal(pending.error.code, 'overloaded');
  refuse = false;
  actions.retryMessage('t1', pending.clientMessageId);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(sent[0], sent[1]);
});

test('a refused thread change is reported and answers null', async () => {
  const store = createStore();
  const reports = [];
  const actions = createThreadActions({ store, api: {}, report: (key, err) => reports.push([key, err.message]) });
  const result = await actions.changeThread(async () => { throw new Error('thread_already_taken'); }, 't1');
  assert.equal(result, null);
  assert.deepEqual(reports, [['conv.actionFailed', 'thread_already_taken']]);
});
