import test from 'node:test';
import assert from 'node:assert/strict';
import { createOfferBook, outcomeNotice, secondsLeft } from '../../main/webapp/js/transfer-offers.js';
import { MESSAGES } from '../../main/webapp/js/i18n.js';

const ANN = { uid: 'a1', nickname: 'Ann' };
const BEN = { uid: 'a2', nickname: 'Ben' };
const CLEO = { uid: 'a3', nickname: 'Cleo' };

function offer(uid, state, from = ANN, to = BEN, extra = {}) {
  return {
    uid, state, threadUid: `t-${uid}`, from, to, createdAt: 1000, expiresAt: 61_000,
    thread: { uid: `t-${uid}`, topic: 'Pricing', user: { uid: 'v1', nickname: 'Vera' } }, ...extra,
  };
}

const event = (o) => ({ type: 'transfer_offer', data: { offer: o } });

function book(me = BEN.uid) {
  const b = createOfferBook({ agentUid: () => me });
  const heard = [];
  b.subscribe((pending, settled) => heard.push({ pending: pending.map((o) => o.uid), settled: settled?.state ?? null }));
  return { b, heard };
}

test('an offer to me is incoming, one of mine outgoing; both go when it ends, and listeners hear how', () => {
  const { b, heard } = book(BEN.uid);
  assert.equal(b.apply(event(offer('o1', 'PENDING'))), true);
  assert.equal(b.apply(event(offer('o2', 'PENDING', BEN, CLEO))), true);
  assert.deepEqual(b.incoming().map((o) => o.uid), ['o1']);
  assert.deepEqual(b.outgoing().map((o) => o.uid), ['o2']);
  assert.equal(b.outgoingFor('t-o2').uid, 'o2');
  assert.equal(b.outgoingFor('t-o1'), null, 'an offer to me is not mine to cancel');

  b.apply(event(offer('o1', 'ACCEPTED')));
  assert.deepEqual(b.incoming(), []);
  assert.deepEqual(heard.at(-1), { pending: ['o2'], settled: 'ACCEPTED' });
});

test('the answer to my own request and the event about it are one change, told once', () => {
  const { b, heard } = book(BEN.uid);
  b.apply(event(offer('o1', 'PENDING')));
  b.upsert(offer('o1', 'DECLINED'));
  b.apply(event(offer('o1', 'DECLINED')));
  assert.deepEqual(heard.map((h) => h.settled), [null, 'DECLINED']);
});

test('an ended offer never comes back from a list read before its end', () => {
  const { b } = book(BEN.uid);
  b.apply(event(offer('o1', 'EXPIRED')));
  b.setPending([offer('o1', 'PENDING'), offer('o3', 'PENDING')]);
  assert.deepEqual(b.incoming().map((o) => o.uid), ['o3']);
  assert.equal(b.apply(event(offer('o1', 'PENDING'))), false);
});

test('a list load replaces what was kept (an end missed while away disappears)', () => {
  const { b } = book(BEN.uid);
  b.apply(event(offer('o1', 'PENDING')));
  b.setPending([]);
  assert.deepEqual(b.incoming(), []);
});

test('offers between others, unknown states, other frames and junk are ignored', () => {
  const { b, heard } = book(BEN.uid);
  assert.equal(b.apply(event(offer('o1', 'PENDING', ANN, CLEO))), false);
  assert.equal(b.apply(event(offer('o2', 'MAYBE'))), false);
  assert.equal(b.apply({ type: 'thread_status_changed', data: { offer: offer('o3', 'PENDING') } }), false);
  assert.equal(b.apply(event(null)), false);
  assert.equal(b.apply(null), false);
  assert.deepEqual(heard, []);
});

test('seconds left are whole, rounded up, never negative', () => {
  const o = offer('o1', 'PENDING');
  assert.equal(secondsLeft(o, 1000), 60);
  assert.equal(secondsLeft(o, 60_500), 1);
  assert.equal(secondsLeft(o, 61_000), 0);
  assert.equal(secondsLeft(o, 99_000), 0);
  assert.equal(secondsLeft({}, 0), 0);
});

test('each side is told what became of an offer, naming the other agent and the visitor', () => {
  assert.deepEqual(outcomeNotice(offer('o', 'ACCEPTED'), ANN.uid),
    { key: 'offer.acceptedByThem', params: { name: 'Ben', visitor: 'Vera' } });
  assert.deepEqual(outcomeNotice(offer('o', 'ACCEPTED'), BEN.uid),
    { key: 'offer.acceptedByMe', params: { name: 'Ann', visitor: 'Vera' } });
  assert.equal(outcomeNotice(offer('o', 'DECLINED'), ANN.uid).key, 'offer.declinedByThem');
  assert.equal(outcomeNotice(offer('o', 'DECLINED'), BEN.uid), null, 'my own decline needs no notice');
  assert.equal(outcomeNotice(offer('o', 'CANCELLED'), BEN.uid).key, 'offer.cancelledByThem');
  assert.equal(outcomeNotice(offer('o', 'CANCELLED'), ANN.uid), null);
  assert.equal(outcomeNotice(offer('o', 'EXPIRED'), ANN.uid).key, 'offer.expiredSent');
  assert.equal(outcomeNotice(offer('o', 'EXPIRED'), BEN.uid).key, 'offer.expiredReceived');
  assert.equal(outcomeNotice(offer('o', 'WITHDRAWN'), BEN.uid).key, 'offer.withdrawn');
  assert.equal(outcomeNotice(offer('o', 'PENDING'), BEN.uid), null);
  assert.equal(outcomeNotice(null, BEN.uid), null);
});

test('every offer text exists in English and Chinese with the same parameters', () => {
  const keys = Object.keys(MESSAGES.en).filter((key) => key.startsWith('offer.'));
  assert.ok(keys.length >= 15, keys.join());
  const params = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of keys) {
    assert.equal(typeof MESSAGES.zh[key], 'string', `zh ${key}`);
    assert.deepEqual(params(MESSAGES.zh[key]), params(MESSAGES.en[key]), key);
  }
});
