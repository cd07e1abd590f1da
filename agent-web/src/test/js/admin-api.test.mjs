import test from 'node:test';
import assert from 'node:assert/strict';
import { createAdminApi, workgroupBody, agentBody } from '../../main/webapp/js/admin-api.js';
import { ADMIN_KEYS, ADMIN_KEYS_ZH, ADMIN_MESSAGES } from '../../main/webapp/js/admin-i18n.js';
import { ApiError } from '../../main/webapp/js/api.js';

function fakeFetch() {
  const calls = [];
  const answers = [];
  const fetch = async (url, init = {}) => {
    calls.push({ url, method: init.method, headers: { ...init.headers }, body: init.body === undefined ? undefined : JSON.parse(init.body) });
    const answer = answers.shift() ?? { status: 200, body: [] };
    if (answer.throws) throw answer.throws;
    return { status: answer.status, ok: answer.status < 300, text: async () => JSON.stringify(answer.body) };
  };
  return { fetch, calls, answer: (a) => answers.push(a) };
}

test('calls the administration API with the console credential', async () => {
  const fake = fakeFetch();
  const api = createAdminApi({ baseUrl: '/agent/', fetch: fake.fetch, getCredential: () => 'cred-1' });
  fake.answer({ status: 201, body: { uid: 'w1', name: 'Sales', queueCap: null } });

  assert.equal((await api.createWorkgroup({ name: 'Sales' })).uid, 'w1');
  await api.changeAgent('a/1', { maxThreads: 3 });
  await api.disableAgent('a1');
  await api.audit(5);

  assert.deepEqual(fake.calls.map((c) => `${c.method} ${c.url}`), [
    'POST /agent/api/v1/admin/workgroups',
    'PATCH /agent/api/v1/admin/agents/a%2F1',
    'POST /agent/api/v1/admin/agents/a1/disable',
    'GET /agent/api/v1/admin/audit?limit=5',
  ]);
  assert.equal(fake.calls[0].headers.Authorization, 'Bearer cred-1');
  assert.deepEqual(fake.calls[1].body, { maxThreads: 3 });
  assert.equal(fake.calls[2].body, undefined);
});

test('a refusal becomes an ApiError with the server code; a 401 is reported as the end of the session', async () => {
  const fake = fakeFetch();
  const heard = [];
  const api = createAdminApi({ fetch: fake.fetch, getCredential: () => 'c', onUnauthorised: (e) => heard.push(e.code) });
  fake.answer({ status: 403, body: { error: 'forbidden', message: 'the admin role is required' } });
  fake.answer({ status: 401, body: { error: 'unauthorized', message: 'expired' } });

  await assert.rejects(api.workgroups(), (e) => e instanceof ApiError && e.status === 403 && e.code === 'forbidden');
  assert.deepEqual(heard, []);
  await assert.rejects(api.agents(), (e) => e.status === 401);
  assert.deepEqual(heard, ['unauthorized']);
});

test('a workgroup form becomes a body, or the first problem', () => {
  assert.deepEqual(workgroupBody({ name: '  Sales ', queueCap: '' }), { body: { name: 'Sales' } });
  assert.deepEqual(workgroupBody({ name: 'Sales', queueCap: '12' }), { body: { name: 'Sales', queueCap: 12 } });
  assert.deepEqual(workgroupBody({ name: ' ', queueCap: '' }), { error: 'admin.error.name' });
  assert.deepEqual(workgroupBody({ name: 'x'.repeat(201) }), { error: 'admin.error.name' });
  for (const cap of ['-1', '1.5', 'ten', '100001']) {
    assert.deepEqual(workgroupBody({ name: 'S', queueCap: cap }), { error: 'admin.error.queueCap' }, cap);
  }
});

test('a workgroup edit sends only what changed; an emptied cap is sent as null (the default again)', () => {
  const current = { uid: 'w1', name: 'Sales', queueCap: 5 };
  assert.deepEqual(workgroupBody({ name: 'Sales', queueCap: '5' }, current), { body: {} });
  assert.deepEqual(workgroupBody({ name: 'Deals', queueCap: '5' }, current), { body: { name: 'Deals' } });
  assert.deepEqual(workgroupBody({ name: 'Sales', queueCap: '' }, current), { body: { queueCap: null } });
});

test('a workgroup form carries its routing mode and idle time; empty idle time is the default', () => {
  assert.deepEqual(workgroupBody({ name: 'Nights', routingMode: 'ROUND_ROBIN', idleCloseMinutes: '10' }),
    { body: { name: 'Nights', routingMode: 'ROUND_ROBIN', idleCloseMinutes: 10 } });
  assert.deepEqual(workgroupBody({ name: 'S', routingMode: 'FASTEST' }), { error: 'admin.error.routingMode' });
  for (const idle of ['0', '10081', '2.5', 'soon']) {
    assert.deepEqual(workgroupBody({ name: 'S', idleCloseMinutes: idle }), { error: 'admin.error.idleCloseMinutes' }, idle);
  }
  const current = { uid: 'w1', name: 'Nights', queueCap: null, routingMode: 'ROUND_ROBIN', idleCloseMinutes: 10 };
  assert.deepEqual(workgroupBody({ name: 'Nights', routingMode: 'ROUND_ROBIN', idleCloseMinutes: '10' }, current),
    { body: {} });
  assert.deepEqual(workgroupBody({ name: 'Nights', routingMode: 'LONGEST_IDLE', idleCloseMinutes: '' }, current),
    { body: { routingMode: 'LONGEST_IDLE', idleCloseMinutes: null } });
});

test('an agent form becomes a body; an edit sends no username', () => {
  assert.deepEqual(agentBody({ username: 'dora@example.com', nickname: '', maxThreads: '', roles: ['ADMIN', 'KING'],
    workgroups: ['w1', 'w1', 'w2'] }), { body: { username: 'dora@example.com', roles: ['ADMIN'], workgroups: ['w1', 'w2'] } });
  assert.deepEqual(agentBody({ username: 'ignored', nickname: ' Dora ', maxThreads: '4' }, true),
    { body: { nickname: 'Dora', maxThreads: 4, roles: [], workgroups: [] } });
  assert.deepEqual(agentBody({ username: 'two words' }), { error: 'admin.error.username' });
  assert.deepEqual(agentBody({ username: '' }), { error: 'admin.error.username' });
  assert.deepEqual(agentBody({ username: 'z', maxThreads: '0' }), { error: 'admin.error.maxThreads' });
  assert.deepEqual(agentBody({ username: 'z', maxThreads: '101' }), { error: 'admin.error.maxThreads' });
});

test('every admin page text exists in English and Chinese, and the console texts it uses are there too', () => {
  assert.deepEqual([...ADMIN_KEYS].sort(), [...ADMIN_KEYS_ZH].sort());
  for (const language of ['en', 'zh']) {
    for (const key of [...ADMIN_KEYS, 'app.signedOut', 'app.signInHint', 'app.sessionEnded', 'status.AVAILABLE']) {
      assert.equal(typeof ADMIN_MESSAGES[language][key], 'string', `${language} ${key}`);
    }
  }
});
