import test from 'node:test';
import assert from 'node:assert/strict';
import { threadStatusKey, visitorClosedKey, CLOSE_REASONS } from '../../main/webapp/js/close-reasons.js';
import { createI18n, MESSAGES } from '../../main/webapp/js/i18n.js';

const storage = { getItem: () => null, setItem() {}, removeItem() {} };
const en = createI18n({ navigator: { language: 'en' }, storage });
const zh = createI18n({ navigator: { language: 'zh' }, storage });

test('the console says why a closed thread was closed', () => {
  assert.equal(en.t(threadStatusKey({ status: 'CLOSED', closeReason: 'idle' })), 'Closed after a period without messages');
  assert.equal(zh.t(threadStatusKey({ status: 'CLOSED', closeReason: 'idle' })), '长时间无消息，已自动结束');
  assert.equal(en.t(threadStatusKey({ status: 'CLOSED', closeReason: 'agent' })), 'Closed by the agent');
  assert.equal(en.t(threadStatusKey({ status: 'CLOSED', closeReason: 'visitor' })), 'Closed by the visitor');
  assert.equal(zh.t(threadStatusKey({ status: 'CLOSED', closeReason: 'system' })), '系统已结束');
});

test('an open thread, or a closed one of unknown reason, shows its plain status', () => {
  assert.equal(en.t(threadStatusKey({ status: 'CHATTING', closeReason: null })), 'In progress');
  assert.equal(en.t(threadStatusKey({ status: 'CLOSED' })), 'Closed', 'closed before reasons were kept');
  assert.equal(en.t(threadStatusKey({ status: 'CLOSED', closeReason: 'cosmic-rays' })), 'Closed');
  assert.equal(zh.t(threadStatusKey({ status: 'CLOSED', closeReason: null })), '已结束');
});

test('the visitor page tells an idle close and an agent close apart from leaving', () => {
  assert.equal(en.t(visitorClosedKey('idle')), 'This conversation was closed because no messages were sent for a while.');
  assert.equal(zh.t(visitorClosedKey('idle')), '由于长时间没有新消息，本次咨询已自动结束。');
  assert.equal(en.t(visitorClosedKey('agent')), 'The agent has ended this conversation.');
  assert.equal(zh.t(visitorClosedKey('agent')), '客服已结束本次咨询。');
  for (const reason of ['visitor', 'system', null, undefined, 'unknown']) {
    assert.equal(visitorClosedKey(reason), 'visitor.page.closed', String(reason));
  }
});

test('every reason has its text in both languages', () => {
  for (const reason of CLOSE_REASONS) {
    const key = threadStatusKey({ status: 'CLOSED', closeReason: reason });
    for (const language of ['en', 'zh']) {
      assert.equal(typeof MESSAGES[language][key], 'string', `${language} ${key}`);
      assert.equal(typeof MESSAGES[language][visitorClosedKey(reason)], 'string', `${language} ${reason}`);
    }
  }
});
