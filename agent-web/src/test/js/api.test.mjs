import test from 'node:test';
import assert from 'node:assert/strict';
import { createApi, createVisitorApi, ApiError, newClientMessageId } from '../../main/webapp/js/api.js';
import { createSession, RENEW_BEFORE_MS, MAX_TIMER_MS } from '../../main/webapp/js/session.js';

const BASE = 'https://console.example/agent/';

// A fetch that records each call and answers from a queue (default: 200 {}).
function fakeFetch() {
  const calls = [];
  const answers = [];
  const fetch = async (url, init = {}) => {
    calls.push({ url, method: init.method, headers: { ...init.headers }, body: init.body === undefined ? undefined : JSON.parse(init.body) });
    const answer = answers.shift() ?? { status: 200, body: {} };
    if (answer.throws) throw answer.throws;
    const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    return {
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      statusText: answer.statusText ?? '',
      text: async () => text,
    };
  };
  return { fetch, calls, answer: (a) => answers.push(a) };
}

function consoleApi(options = {}) {
  const fake = fakeFetch();
  const api = createApi({ baseUrl: BASE, fetch: fake.fetch, getCredential: () => 'cred-1', ...options });
  return { api, ...fake };
}

test('sends the bearer credential, asks for JSON, and returns the parsed answer', async () => {
  const { api, calls, answer } = consoleApi();
  answer({ status: 200, body: { agent: { uid: 'a1' }, allowedOrigins: [], latestSeq: 4, credentialExpiresAt: 99 } });
  const me = await api.me();
  assert.equal(me.agent.uid, 'a1');
  assert.equal(calls[0].url, 'https://console.example/agent/api/v1/me');
  assert.equal(calls[0].method, 'GET');
  assert.equal(calls[0].headers.Authorization, 'Bearer cred-1');
  assert.equal(calls[0].headers.Accept, 'application/json');
  assert.equal(calls[0].headers['Content-Type'], undefined, 'no body, no content type');
});

test('reads the credential at each call, so a renewed one is used at once', async () => {
  let credential = 'old';
  const fake = fakeFetch();
  const api = createApi({ baseUrl: BASE, fetch: fake.fetch, getCredential: () => credential });
  await api.me();
  credential = 'new';
  await api.me();
  assert.deepEqual(fake.calls.map((c) => c.headers.Authorization), ['Bearer old', 'Bearer new']);
});

test('JSON bodies carry a content type', async () => {
  const { api, calls } = consoleApi();
  await api.setStatus('BUSY');
  await api.setStatus('AVAILABLE', 'host');
  assert.equal(calls[0].method, 'PUT');
  assert.equal(calls[0].url, `${BASE}api/v1/me/status`);
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
  assert.deepEqual(calls[0].body, { status: 'BUSY', source: 'console' });
  assert.deepEqual(calls[1].body, { status: 'AVAILABLE', source: 'host' });
});

test('every console endpoint of docs/api.md', async () => {
  const { api, calls } = consoleApi();
  await api.renewSession();
  await api.logout();
  await api.listThreads('mine');
  await api.listThreads('queued');
  await api.listThreads('closed');
  await api.getThread('t/1');
  await api.listMessages('t1');
  await api.listMessages('t1', { before: 'm 9', limit: 20 });
  await api.sendMessage('t1', { clientMessageId: 'c1', content: 'hi' });
  await api.accept('t1');
  await api.transfer('t1', { agentUid: 'a2' });
  await api.transfer('t1', { workgroupUid: 'wg-2' });
  await api.close('t1');
  await api.reopen('t1');
  await api.markRead('t1');
  await api.unread();
  await api.getVisitor('v1');
  await api.updateVisitor('v1', { nickname: 'Ann' });
  await api.updateVisitor('v1', { notes: 'VIP' });
  await api.colleagues();
  await api.workgroups();
  await api.pendingOffers();
  await api.acceptOffer('o/1');
  await api.declineOffer('o1');
  await api.cancelOffer('o1');
  const seen = calls.map((c) => [c.method, c.url.replace(BASE, '/'), c.body]);
  assert.deepEqual(seen, [
    ['POST', '/api/v1/session/renew', undefined],
    ['POST', '/api/v1/session/logout', undefined],
    ['GET', '/api/v1/threads?view=mine', undefined],
    ['GET', '/api/v1/threads?view=queued', undefined],
    ['GET', '/api/v1/threads?view=closed', undefined],
    ['GET', '/api/v1/threads/t%2F1', undefined],
    ['GET', '/api/v1/threads/t1/messages', undefined],
    ['GET', '/api/v1/threads/t1/messages?before=m+9&limit=20', undefined],
    ['POST', '/api/v1/threads/t1/messages', { clientMessageId: 'c1', content: 'hi' }],
    ['POST', '/api/v1/threads/t1/accept', undefined],
    ['POST', '/api/v1/threads/t1/transfer', { agentUid: 'a2' }],
    ['POST', '/api/v1/threads/t1/transfer', { workgroupUid: 'wg-2' }],
    ['POST', '/api/v1/threads/t1/close', undefined],
    ['POST', '/api/v1/threads/t1/reopen', undefined],
    ['POST', '/api/v1/threads/t1/read', undefined],
    ['GET', '/api/v1/unread', undefined],
    ['GET', '/api/v1/visitors/v1', undefined],
    ['PATCH', '/api/v1/visitors/v1', { nickname: 'Ann' }],
    ['PATCH', '/api/v1/visitors/v1', { notes: 'VIP' }],
    ['GET', '/api/v1/colleagues', undefined],
    ['GET', '/api/v1/workgroups', undefined],
    ['GET', '/api/v1/transfer-offers', undefined],
    ['POST', '/api/v1/transfer-offers/o%2F1/accept', undefined],
    ['POST', '/api/v1/transfer-offers/o1/decline', undefined],
    ['POST', '/api/v1/transfer-offers/o1/cancel', undefined],
  ]);
});

test('bad arguments are refused before any request', async () => {
  const { api, calls } = consoleApi();
  await assert.rejects(api.setStatus('AWAY'), ApiError);
  await assert.rejects(api.listThreads('everything'), ApiError);
  await assert.rejects(api.transfer('t1', {}), TypeError);
  assert.equal(calls.length, 0);
});

test('error bodies become ApiError {status, code, message}', async () => {
  const { api, answer } = consoleApi();
  answer({ status: 409, body: { error: 'thread_already_taken', message: 'thread was accepted by another agent' } });
  await assert.rejects(api.accept('t1'), (err) => {
    assert.ok(err instanceof ApiError);
    assert.ok(err instanceof Error);
    assert.equal(err.status, 409);
    assert.equal(err.code, 'thread_already_taken');
    assert.equal(err.message, 'thread was accepted by another agent');
    return true;
  });
  for (const status of [400, 403, 404, 413]) {
    answer({ status, body: { error: `code_${status}`, message: `text ${status}` } });
    await assert.rejects(api.getThread('t1'), { name: 'ApiError', status, code: `code_${status}`, message: `text ${status}` });
  }
});

test('an error without a JSON body still maps to an ApiError', async () => {
  const { api, answer } = consoleApi();
  answer({ status: 502, raw: '<html>Bad gateway</html>', statusText: 'Bad Gateway' });
  await assert.rejects(api.me(), { name: 'ApiError', status: 502, code: 'http_502', message: 'Bad Gateway' });
});

test('a network failure is ApiError status 0', async () => {
  const { api, answer } = consoleApi();
  answer({ throws: new TypeError('Failed to fetch') });
  await assert.rejects(api.me(), { name: 'ApiError', status: 0, code: 'network_error', message: 'Failed to fetch' });
});

test('204 answers resolve to null', async () => {
  const { api, answer } = consoleApi();
  answer({ status: 204 });
  assert.equal(await api.logout(), null);
});

test('201 and 200 answers to a message post both return the stored message', async () => {
  const { api, answer } = consoleApi();
  const stored = { uid: 'm1', threadUid: 't1', senderKind: 'AGENT', content: 'hi', clientMessageId: 'c1', createdAt: 1 };
  answer({ status: 201, body: stored });
  answer({ status: 200, body: stored });
  assert.deepEqual(await api.sendMessage('t1', { clientMessageId: 'c1', content: 'hi' }), stored);
  assert.deepEqual(await api.sendMessage('t1', { clientMessageId: 'c1', content: 'hi' }), stored);
});

test('a 401 is reported to onUnauthorised and still thrown', async () => {
  const heard = [];
  const { api, answer } = consoleApi({ onUnauthorised: (err) => heard.push(err.code) });
  answer({ status: 401, body: { error: 'unauthorised', message: 'credential expired' } });
  await assert.rejects(api.unread(), { status: 401 });
  assert.deepEqual(heard, ['unauthorised']);
});

test('the visitor API uses the visitor token and its own paths', async () => {
  const fake = fakeFetch();
  let token;
  const api = createVisitorApi({ baseUrl: 'https://console.example/agent', fetch: fake.fetch, getToken: () => token });
  await api.workgroup('wg-sales');
  await api.openThread({ workgroupUid: 'wg-sales', nickname: 'Ann', topic: undefined });
  token = 'vt-1';
  await api.openThread({ workgroupUid: 'wg-sales', nickname: 'Ann', topic: 'Pricing', visitorToken: 'vt-1' });
  await api.messagesAfter('t1', 'm5');
  await api.messagesAfter('t1');
  await api.sendMessage('t1', { clientMessageId: 'c1', content: 'hello' });
  await api.close('t1');
  assert.deepEqual(fake.calls.map((c) => [c.method, c.url.replace('https://console.example/agent', ''), c.body, c.headers.Authorization]), [
    ['GET', '/api/v1/visitor/workgroups/wg-sales', undefined, undefined],
    ['POST', '/api/v1/visitor/threads', { workgroupUid: 'wg-sales', nickname: 'Ann' }, undefined],
    ['POST', '/api/v1/visitor/threads', { workgroupUid: 'wg-sales', nickname: 'Ann', topic: 'Pricing', visitorToken: 'vt-1' }, 'Bearer vt-1'],
    ['GET', '/api/v1/visitor/threads/t1/messages?after=m5', undefined, 'Bearer vt-1'],
    ['GET', '/api/v1/visitor/threads/t1/messages', undefined, 'Bearer vt-1'],
    ['POST', '/api/v1/visitor/threads/t1/messages', { clientMessageId: 'c1', content: 'hello' }, 'Bearer vt-1'],
    ['POST', '/api/v1/visitor/threads/t1/close', undefined, 'Bearer vt-1'],
  ]);
});

test('client message ids are UUIDs, also without crypto.randomUUID (plain http)', () => {
  const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(newClientMessageId(), pattern);
  const fallback = newClientMessageId({ getRandomValues: (bytes) => bytes.fill(0xff) });
  assert.match(fallback, pattern);
  assert.notEqual(newClientMessageId(), newClientMessageId());
});

// --- credential renewal (session.js) -------------------------------------------

function fakeClock(start = 1_000_000) {
  let now = start;
  let nextId = 1;
  const timers = new Map();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(id) { timers.delete(id); },
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
    // Like a laptop waking up: time passed but no timer ran.
    jump(ms) { now += ms; },
    pending: () => timers.size,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const MINUTE = 60 * 1000;

function sessionSetup({ expiresIn = 30 * MINUTE, renew } = {}) {
  const clock = fakeClock();
  const calls = [];
  const events = { renewed: [], expired: 0 };
  let counter = 1;
  const session = createSession({
    credential: 'cred-0',
    renew: renew ?? (async (credential) => {
      calls.push({ at: clock.now(), credential });
      return { credential: `cred-${counter++}`, expiresAt: clock.now() + 30 * MINUTE };
    }),
    now: clock.now,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    onRenewed: (answer) => events.renewed.push(answer.credential),
    onExpired: () => { events.expired += 1; },
    logger: { warn() {} },
  });
  session.start(clock.now() + expiresIn);
  return { clock, session, calls, events };
}

test('renews about two minutes before the credential expires and switches to the new one', async () => {
  const { clock, session, calls, events } = sessionSetup();
  const start = clock.now();
  assert.equal(session.renewAt, start + 30 * MINUTE - RENEW_BEFORE_MS);
  clock.advance(28 * MINUTE - 1);
  await flush();
  assert.equal(calls.length, 0);
  clock.advance(1);
  await flush();
  assert.deepEqual(calls, [{ at: start + 28 * MINUTE, credential: 'cred-0' }]);
  assert.equal(session.getCredential(), 'cred-1');
  assert.deepEqual(events.renewed, ['cred-1']);
  // And again two minutes before the new expiry.
  clock.advance(28 * MINUTE);
  await flush();
  assert.equal(calls.length, 2);
  assert.equal(calls[1].credential, 'cred-1');
  assert.equal(session.getCredential(), 'cred-2');
});

test('timers are chained in steps of at most a minute, so a late wake-up still renews', async () => {
  const { clock, calls } = sessionSetup();
  assert.equal(clock.pending(), 1);
  clock.jump(29 * MINUTE);
  clock.advance(MAX_TIMER_MS);
  await flush();
  assert.equal(calls.length, 1);
});

test('a short-lived credential is renewed halfway through what is left', async () => {
  const { clock, session, calls } = sessionSetup({ expiresIn: 60 * 1000 });
  assert.equal(session.renewAt, clock.now() + 30 * 1000);
  clock.advance(30 * 1000);
  await flush();
  assert.equal(calls.length, 1);
});

test('a network failure is retried while the credential still works', async () => {
  let attempts = 0;
  const { clock, session, events } = sessionSetup({
    renew: async () => {
      attempts += 1;
      if (attempts === 1) throw new ApiError(0, 'network_error', 'offline');
      return { credential: 'cred-late', expiresAt: 99_999_999 };
    },
  });
  clock.advance(28 * MINUTE);
  await flush();
  assert.equal(attempts, 1);
  assert.equal(session.getCredential(), 'cred-0');
  clock.advance(30 * 1000);
  await flush();
  assert.equal(attempts, 2);
  assert.equal(session.getCredential(), 'cred-late');
  assert.equal(events.expired, 0);
});

test('a 401 on renewal ends the session once and stops renewing', async () => {
  const { clock, session, events } = sessionSetup({
    renew: async () => { throw new ApiError(401, 'unauthorised', 'revoked'); },
  });
  clock.advance(28 * MINUTE);
  await flush();
  assert.equal(events.expired, 1);
  assert.equal(session.ended, true);
  assert.equal(clock.pending(), 0);
  session.expire();
  assert.equal(events.expired, 1);
});

test('renewal that keeps failing until expiry ends the session', async () => {
  const { clock, events } = sessionSetup({
    renew: async () => { throw new ApiError(0, 'network_error', 'offline'); },
  });
  for (let i = 0; i < 40 && events.expired === 0; i += 1) {
    clock.advance(MINUTE);
    await flush();
  }
  assert.equal(events.expired, 1);
});

test('renewNow shares one request between callers, and stop cancels the timer', async () => {
  const { clock, session, calls } = sessionSetup();
  const [a, b] = [session.renewNow(), session.renewNow()];
  assert.equal(a, b);
  await a;
  assert.equal(calls.length, 1);
  session.stop();
  assert.equal(clock.pending(), 0);
  assert.throws(() => createSession({ credential: '' }), TypeError);
});
