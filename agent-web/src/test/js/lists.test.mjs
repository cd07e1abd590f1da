import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createListLoader } from '../../main/webapp/js/lists.js';
import { createStore } from '../../main/webapp/js/store.js';

function gate() {
  let open;
  const promise = new Promise((resolve) => { open = resolve; });
  return { promise, open };
}

function fakeApi() {
  const api = {
    loads: 0,
    pending: null,
    async listThreads() { return []; },
    async unread() {
      api.loads += 1;
      if (api.pending) await api.pending.promise;
      return { totalUnreadCount: 1, unreadThreads: [{ uid: 't1', unreadCount: 1, updatedAt: 1 }] };
    },
    async me() { return { agent: { uid: 'a1', status: 'BUSY' } }; },
  };
  return api;
}

test('an event that arrives during a load is applied after it, so the load cannot undo it', async () => {
  const store = createStore();
  const api = fakeApi();
  api.pending = gate();
  const lists = createListLoader({ api, store });
  const loading = lists.reload();
  lists.apply({ type: 'unread_count_changed', data: { uid: 't1', unreadCount: 4, updatedAt: 2 } });
  assert.equal(store.unreadOf('t1'), 0, 'held while the load runs');
  api.pending.open();
  await loading;
  assert.equal(store.unreadOf('t1'), 4);
});

test('calls during a load run once more after it, never two at once; onLoaded hears each success', async () => {
  const store = createStore();
  const api = fakeApi();
  api.pending = gate();
  let loaded = 0;
  const lists = createListLoader({ api, store, onLoaded: () => { loaded += 1; } });
  const first = lists.reload();
  const second = lists.reload();
  const third = lists.reload();
  assert.equal(second, third);
  api.pending.open();
  await Promise.all([first, second]);
  assert.equal(api.loads, 2);
  assert.equal(loaded, 2);
});

test('a failed load is not reported as loaded', async () => {
  const store = createStore();
  const api = fakeApi();
  api.unread = async () => { throw new Error('down'); };
  let loaded = 0;
  const lists = createListLoader({ api, store, onLoaded: () => { loaded += 1; } });
  await assert.rejects(lists.reload());
  assert.equal(loaded, 0);
});

test('resync reads the lists and the agent again', async () => {
  const store = createStore();
  store.setAgent({ uid: 'a1', username: 'ann', status: 'AVAILABLE' });
  const api = fakeApi();
  const lists = createListLoader({ api, store });
  await lists.resync();
  assert.equal(api.loads, 1);
  assert.equal(store.agent.status, 'BUSY');
  assert.equal(store.agent.username, 'ann', 'what the answer does not carry is kept');
});
