import test from 'node:test';
import assert from 'node:assert/strict';
import {
  noticeForError, noticeForSocketClose, agentsOnlineKey, renewingFetch,
  CHAT_ENDED_CLOSE, TOKEN_EXPIRED_CLOSE, RENEWED_TOKEN_HEADER,
} from '../../main/webapp/js/visitor-notices.js';
import { ApiError } from '../../main/webapp/js/api.js';
import { createI18n, MESSAGES } from '../../main/webapp/js/i18n.js';

const storage = { getItem: () => null, setItem() {}, removeItem() {} };
const en = createI18n({ navigator: { language: 'en' }, storage });
const zh = createI18n({ navigator: { language: 'zh' }, storage });

test('a full queue says the agents are busy, a rate limit says try later, overload says busy', () => {
  assert.deepEqual(noticeForError(new ApiError(503, 'queue_full', 'full')), { key: 'visitor.page.queueFull', kind: 'retry' });
  assert.deepEqual(noticeForError(new ApiError(429, 'rate_limited', 'slow down')), { key: 'visitor.page.tryLater', kind: 'retry' });
  assert.deepEqual(noticeForError(new ApiError(429, 'http_429', '')), { key: 'visitor.page.tryLater', kind: 'retry' });
  assert.deepEqual(noticeForError(new ApiError(503, 'overloaded', 'busy')), { key: 'visitor.page.busy', kind: 'retry' });
  assert.match(en.t('visitor.page.queueFull'), /busy/);
  assert.match(en.t('visitor.page.tryLater'), /try again/);
  assert.match(zh.t('visitor.page.tryLater'), /稍候再试/);
});

test('a closed thread or an expired token ends the chat; other errors are not explained here', () => {
  assert.deepEqual(noticeForError(new ApiError(410, 'chat_ended', 'ended')), { key: 'visitor.page.closed', kind: 'ended' });
  assert.deepEqual(noticeForError(new ApiError(409, 'thread_closed', 'closed')), { key: 'visitor.page.closed', kind: 'ended' });
  assert.deepEqual(noticeForError(new ApiError(401, 'token_expired', 'idle')), { key: 'visitor.page.expired', kind: 'expired' });
  assert.equal(noticeForError(new ApiError(401, 'unauthorized', 'who?')), null);
  assert.equal(noticeForError(new ApiError(400, 'invalid_request', 'bad')), null);
  assert.equal(noticeForError(new ApiError(0, 'network_error', 'offline')), null);
  assert.equal(noticeForError(undefined), null);
  assert.equal(en.t('visitor.page.closed'), 'This conversation has ended.');
});

test('socket close codes: 4410 chat ended, 4401 expired, 1008 lost, anything else reconnects', () => {
  assert.equal(CHAT_ENDED_CLOSE, 4410);
  assert.equal(TOKEN_EXPIRED_CLOSE, 4401);
  assert.deepEqual(noticeForSocketClose(4410), { key: 'visitor.page.closed', kind: 'ended' });
  assert.deepEqual(noticeForSocketClose(4401), { key: 'visitor.page.expired', kind: 'expired' });
  assert.equal(noticeForSocketClose(1008).kind, 'lost');
  assert.equal(noticeForSocketClose(1006), null);
  assert.equal(noticeForSocketClose(1001), null);
});

test('one agent online is singular, in both languages', () => {
  assert.equal(en.t(agentsOnlineKey(1), { count: 1 }), '1 agent online');
  assert.equal(en.t(agentsOnlineKey(3), { count: 3 }), '3 agents online');
  assert.equal(zh.t(agentsOnlineKey(1), { count: 1 }), '1 位客服在线');
  assert.equal(zh.t(agentsOnlineKey(2), { count: 2 }), '2 位客服在线');
  for (const key of ['visitor.page.queueFull', 'visitor.page.tryLater', 'visitor.page.busy', 'visitor.page.expired']) {
    assert.ok(MESSAGES.en[key] && MESSAGES.zh[key], key);
  }
});

test('a renewed token in an answer replaces the old one; answers without one change nothing', async () => {
  const heard = [];
  const answers = [
    { status: 200, headers: new Headers({ [RENEWED_TOKEN_HEADER]: 'fresh.token' }) },
    { status: 200, headers: new Headers() },
    { status: 401, headers: new Headers({ 'content-type': 'application/json' }) },
  ];
  const fetch = renewingFetch(async () => answers.shift(), (token) => heard.push(token));
  assert.equal((await fetch('/a')).status, 200);
  await fetch('/b');
  assert.equal((await fetch('/c')).status, 401);
  assert.deepEqual(heard, ['fresh.token']);
  await assert.rejects(renewingFetch(async () => { throw new TypeError('offline'); }, () => assert.fail())('/d'));
});
