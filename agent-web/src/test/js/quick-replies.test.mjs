import test from 'node:test';
import assert from 'node:assert/strict';
import {
  slashQueryAt, filterReplies, suggestionKey, insertReply, preview, MAX_SUGGESTIONS,
} from '../../main/webapp/js/quick-replies.js';
import { createQuickReplyBook } from '../../main/webapp/js/quick-reply-book.js';
import { createApi, ApiError } from '../../main/webapp/js/api.js';

const REPLIES = [
  { uid: 'r1', shortcut: 'greet', content: 'Hello, how can I help you today?', scope: 'ORGANISATION' },
  { uid: 'r2', shortcut: 'hours', content: 'We are open 9 to 5.', scope: 'ORGANISATION' },
  { uid: 'r3', shortcut: 'thanks', content: 'Thank you for waiting!', scope: 'PERSONAL' },
  { uid: 'r4', shortcut: 'regards', content: 'Kind regards, the support team', scope: 'PERSONAL' },
  { uid: 'r5', shortcut: '问候', content: '您好，请问有什么可以帮您？', scope: 'PERSONAL' },
];

test('a slash at the start or after whitespace opens a query up to the caret', () => {
  assert.deepEqual(slashQueryAt('/', 1), { start: 0, end: 1, query: '' });
  assert.deepEqual(slashQueryAt('/gre', 4), { start: 0, end: 4, query: 'gre' });
  assert.deepEqual(slashQueryAt('Hi /th', 6), { start: 3, end: 6, query: 'th' });
  assert.deepEqual(slashQueryAt('line one\n/Ho', 12), { start: 9, end: 12, query: 'Ho' });
  assert.deepEqual(slashQueryAt('/问候', 3), { start: 0, end: 3, query: '问候' });
  // The caret inside the word: the query is what is before it, the whole word is replaced.
  assert.deepEqual(slashQueryAt('/greet now', 3), { start: 0, end: 6, query: 'gr' });
  // No caret given: the end of the text.
  assert.deepEqual(slashQueryAt('ok /x'), { start: 3, end: 5, query: 'x' });
});

test('a slash inside a word, a URL, a fraction or a finished word is just text', () => {
  assert.equal(slashQueryAt('and/or', 6), null);
  assert.equal(slashQueryAt('see https://example.com', 23), null);
  assert.equal(slashQueryAt('1/2', 3), null);
  assert.equal(slashQueryAt('/greet ', 7), null, 'a space ends the query');
  assert.equal(slashQueryAt('hello', 5), null);
  assert.equal(slashQueryAt('', 0), null);
  assert.equal(slashQueryAt('/gre', 0), null, 'caret before the slash');
});

test('replies match by shortcut first, then by text, without regard to case', () => {
  assert.deepEqual(filterReplies(REPLIES, 'GRE').map((r) => r.uid), ['r1']);
  // 'regards' starts with it, 'greet' contains it, 'We are open' has it in its text.
  assert.deepEqual(filterReplies(REPLIES, 're').map((r) => r.uid), ['r4', 'r1', 'r2']);
  assert.deepEqual(filterReplies(REPLIES, 'help').map((r) => r.uid), ['r1']);
  assert.deepEqual(filterReplies(REPLIES, 'the').map((r) => r.uid), ['r4']);
  assert.deepEqual(filterReplies(REPLIES, '问').map((r) => r.uid), ['r5']);
  assert.deepEqual(filterReplies(REPLIES, 'zzz'), []);
  assert.deepEqual(filterReplies(REPLIES, '').map((r) => r.uid), ['r1', 'r2', 'r3', 'r4', 'r5']);
  assert.deepEqual(filterReplies(REPLIES, '', 2).map((r) => r.uid), ['r1', 'r2']);
  const many = Array.from({ length: 20 }, (_, i) => ({ uid: `m${i}`, shortcut: `m${i}`, content: 'x' }));
  assert.equal(filterReplies(many, 'm').length, MAX_SUGGESTIONS);
  assert.deepEqual(filterReplies(null, 'a'), []);
  assert.deepEqual(filterReplies([{ shortcut: null }, {}], ''), [{ shortcut: null }, {}]);
});

test('arrow keys move round the list, Enter and Tab choose, Escape closes, other keys are the composer\'s', () => {
  assert.deepEqual(suggestionKey('ArrowDown', { active: 0, count: 3 }), { action: 'move', active: 1 });
  assert.deepEqual(suggestionKey('ArrowDown', { active: 2, count: 3 }), { action: 'move', active: 0 });
  assert.deepEqual(suggestionKey('ArrowUp', { active: 0, count: 3 }), { action: 'move', active: 2 });
  assert.deepEqual(suggestionKey('Home', { active: 2, count: 3 }), { action: 'move', active: 0 });
  assert.deepEqual(suggestionKey('End', { active: 0, count: 3 }), { action: 'move', active: 2 });
  assert.deepEqual(suggestionKey('Enter', { active: 1, count: 3 }), { action: 'choose', active: 1 });
  assert.deepEqual(suggestionKey('Tab', { active: 2, count: 3 }), { action: 'choose', active: 2 });
  assert.deepEqual(suggestionKey('Escape', { active: 1, count: 3 }), { action: 'close' });
  assert.equal(suggestionKey('a', { active: 0, count: 3 }), null);
  assert.equal(suggestionKey('Backspace', { active: 0, count: 3 }), null);
  // Nothing to choose: Enter is the composer's again (it sends), Escape still closes.
  assert.equal(suggestionKey('Enter', { active: 0, count: 0 }), null);
  assert.equal(suggestionKey('ArrowDown', { count: 0 }), null);
  assert.deepEqual(suggestionKey('Escape', { count: 0 }), { action: 'close' });
});

test('a chosen reply replaces the /query and the caret lands after it', () => {
  const reply = 'Hello, how can I help you today?';
  assert.deepEqual(insertReply('/gre', { start: 0, end: 4 }, reply), { text: reply, caret: reply.length });
  assert.deepEqual(insertReply('Hi! /gre', { start: 4, end: 8 }, 'Welcome.'), { text: 'Hi! Welcome.', caret: 12 });
  assert.deepEqual(insertReply('/th and more', { start: 0, end: 3 }, 'Thanks'), { text: 'Thanks and more', caret: 6 });
  assert.deepEqual(insertReply('/th,more', { start: 0, end: 3 }, 'Thanks'), { text: 'Thanks ,more', caret: 6 });
  // Text stays text: markup in a reply is inserted as the characters it is.
  assert.equal(insertReply('/x', { start: 0, end: 2 }, '<b>bold</b>').text, '<b>bold</b>');
  assert.equal(insertReply('abc /x', { start: 4, end: 6 }, '12345', 8), null, 'over the composer limit');
  assert.deepEqual(insertReply('abc /x', { start: 4, end: 6 }, '1234', 8), { text: 'abc 1234', caret: 8 });
});

test('previews are one line, shortened', () => {
  assert.equal(preview('Hello\n\n  there'), 'Hello there');
  assert.equal(preview('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  assert.equal(preview(undefined), '');
});

// --- the book, against the real API client and a fake fetch ------------------

function fakeServer() {
  const calls = [];
  const answers = [];
  const fetch = async (url, init = {}) => {
    calls.push({ url, method: init.method, body: init.body === undefined ? undefined : JSON.parse(init.body) });
    const answer = answers.shift() ?? { status: 200, body: { quickReplies: [], mayManageOrganisation: false } };
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return { status: answer.status, ok: answer.status >= 200 && answer.status < 300, statusText: '', text: async () => text };
  };
  const api = createApi({ baseUrl: 'https://console.example/agent/', fetch, getCredential: () => 'cred' });
  return { api, calls, answer: (a) => answers.push(a) };
}

test('the book loads the list and whether the agent keeps the organisation\'s replies', async () => {
  const { api, calls, answer } = fakeServer();
  answer({ status: 200, body: { quickReplies: REPLIES.slice(0, 2), mayManageOrganisation: true } });
  const book = createQuickReplyBook({ api });
  let heard = 0;
  book.subscribe(() => { heard += 1; });
  assert.equal(book.loaded, false);
  const [first, second] = await Promise.all([book.load(), book.load()]);
  assert.equal(first, second);
  assert.equal(calls.length, 1, 'concurrent loads share one request');
  assert.equal(calls[0].url, 'https://console.example/agent/api/v1/quick-replies');
  assert.deepEqual(book.replies.map((r) => r.uid), ['r1', 'r2']);
  assert.equal(book.mayManageOrganisation, true);
  assert.equal(heard, 1);
});

test('the book reloads only when its list is stale', async () => {
  const { api, calls } = fakeServer();
  let clock = 1000;
  const book = createQuickReplyBook({ api, now: () => clock, staleAfterMs: 100 });
  book.refreshIfStale();
  await book.load();
  assert.equal(calls.length, 1, 'the first refresh loads; the explicit load shares it');
  clock += 50;
  book.refreshIfStale();
  assert.equal(calls.length, 1);
  clock += 100;
  book.refreshIfStale();
  assert.equal(calls.length, 2);
});

test('changes go to the server with the version they started from, then the list is reloaded', async () => {
  const { api, calls, answer } = fakeServer();
  const book = createQuickReplyBook({ api });
  answer({ status: 201, body: { uid: 'n1', shortcut: 'new', content: 'New', version: 1 } });
  answer({ status: 200, body: { quickReplies: [{ uid: 'n1', shortcut: 'new', content: 'New', version: 1 }] } });
  const created = await book.create({ scope: 'PERSONAL', shortcut: 'new', content: 'New' });
  assert.equal(created.uid, 'n1');
  assert.deepEqual(calls[0], { url: 'https://console.example/agent/api/v1/quick-replies', method: 'POST',
    body: { scope: 'PERSONAL', shortcut: 'new', content: 'New' } });
  assert.equal(calls[1].method, 'GET');
  assert.deepEqual(book.replies.map((r) => r.uid), ['n1']);

  answer({ status: 409, body: { error: 'stale_version', message: 'changed meanwhile' } });
  answer({ status: 200, body: { quickReplies: [{ uid: 'n1', shortcut: 'new', content: 'Newer', version: 2 }] } });
  await assert.rejects(book.update('n1', { shortcut: 'new', content: 'Mine', version: 1 }),
    (err) => err instanceof ApiError && err.status === 409 && err.code === 'stale_version');
  assert.deepEqual(calls[2], { url: 'https://console.example/agent/api/v1/quick-replies/n1', method: 'PUT',
    body: { shortcut: 'new', content: 'Mine', version: 1 } });
  assert.equal(book.replies[0].version, 2, 'a refused edit brings the newer version in');

  answer({ status: 204 });
  answer({ status: 200, body: { quickReplies: [] } });
  await book.remove('n/1?x');
  assert.equal(calls[4].method, 'DELETE');
  assert.equal(calls[4].url, 'https://console.example/agent/api/v1/quick-replies/n%2F1%3Fx');
  assert.deepEqual(book.replies, []);

  answer({ status: 400, body: { error: 'invalid_request', message: 'shortcut must be ...' } });
  await assert.rejects(book.create({ shortcut: 'a b', content: 'x' }), (err) => err.status === 400);
  assert.equal(calls.length, 7, 'a refused bad request does not reload');
});
