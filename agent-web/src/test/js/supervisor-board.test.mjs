import test from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyBoardState, applyBoard, applyMove, elapsed, agentRows, summary, assignableAgents, formatDuration, formatFigures,
} from '../../main/webapp/js/supervisor-board.js';

const NONE = { count: 0, p50: 0, p90: 0 };

function board(overrides = {}) {
  return {
    at: 1_000_000,
    dayStart: 0,
    firstResponse: { count: 4, p50: 30_000, p90: 95_000 },
    handle: NONE,
    agents: [
      { uid: 'a-zoe', nickname: 'Zoe', status: 'OFFLINE', statusSince: 1, activeThreads: 0, maxThreads: 2, workgroups: ['wg-sales'] },
      { uid: 'a-bob', nickname: 'Bob', status: 'BUSY', statusSince: 2, activeThreads: 1, maxThreads: 1, workgroups: ['wg-support'] },
      { uid: 'a-amy', nickname: 'Amy', status: 'AVAILABLE', statusSince: 3, activeThreads: 1, maxThreads: 3, workgroups: ['wg-sales'] },
      { uid: 'a-cat', nickname: 'Cat', status: 'BUSY', statusSince: 4, activeThreads: 0, maxThreads: 2, workgroups: ['wg-sales', 'wg-support'] },
    ],
    workgroups: [
      { uid: 'wg-sales', name: 'Sales', queued: 2, oldestQueuedAt: 940_000, firstResponse: NONE, handle: NONE },
      { uid: 'wg-support', name: 'Support', queued: 0, oldestQueuedAt: null, firstResponse: NONE, handle: NONE },
    ],
    queued: [
      { uid: 't-1', topic: 'Refund', visitor: 'Vera', workgroupUid: 'wg-sales', queuedAt: 940_000 },
      { uid: 't-2', topic: 'Invoice', visitor: 'Walt', workgroupUid: 'wg-sales', queuedAt: 990_000 },
    ],
    ...overrides,
  };
}

test('a board is kept with the server clock offset, and an older board never replaces a newer one', () => {
  let state = applyBoard(emptyBoardState(), board(), 1_000_500);
  assert.equal(state.board.at, 1_000_000);
  assert.equal(state.clockOffset, -500);
  // The longest wait ticks on the server's time: 60 s at the snapshot, 62 s two seconds later here.
  assert.equal(elapsed(state, 940_000, 1_000_500), 60_000);
  assert.equal(elapsed(state, 940_000, 1_002_500), 62_000);
  assert.equal(elapsed(state, null, 1_002_500), null);

  const newer = board({ at: 1_001_000, queued: [] });
  state = applyBoard(state, newer, 1_001_400);
  assert.equal(state.board, newer);
  const stale = applyBoard(state, board({ at: 999_000 }), 1_001_500);
  assert.equal(stale, state, 'a REST answer overtaken by a pushed frame is dropped');
  assert.equal(applyBoard(state, { nonsense: true }, 0), state);
});

test('agents sort available, busy, offline, then by name, and filter by workgroup', () => {
  assert.deepEqual(agentRows(board()).map((a) => a.nickname), ['Amy', 'Bob', 'Cat', 'Zoe']);
  assert.deepEqual(agentRows(board(), 'wg-support').map((a) => a.nickname), ['Bob', 'Cat']);
  assert.deepEqual(agentRows(null), []);
});

test('the summary counts agents by status, all queued threads and the oldest wait', () => {
  const s = summary(board());
  assert.deepEqual(s.counts, { AVAILABLE: 1, BUSY: 2, OFFLINE: 1 });
  assert.equal(s.queued, 2);
  assert.equal(s.oldestQueuedAt, 940_000);
  assert.equal(s.firstResponse.p90, 95_000);
  assert.equal(summary(board({ workgroups: [] })).oldestQueuedAt, null);
});

test('only online agents with a free slot are offered for an assignment', () => {
  assert.deepEqual(assignableAgents(board()).map((a) => a.uid), ['a-amy', 'a-cat']);
});

test('an assignment takes the thread out of its queue and counts it on the agent at once', () => {
  const state = applyBoard(emptyBoardState(), board(), 1_000_000);
  const next = applyMove(state, { uid: 't-1', status: 'ASSIGNED', agentUid: 'a-cat', workgroupUid: 'wg-sales' });
  assert.deepEqual(next.board.queued.map((t) => t.uid), ['t-2']);
  assert.equal(next.board.workgroups[0].queued, 1);
  assert.equal(next.board.agents.find((a) => a.uid === 'a-cat').activeThreads, 1);
  assert.equal(state.board.queued.length, 2, 'the earlier state is untouched');
});

test('a move re-queues the thread in the other workgroup', () => {
  const state = applyBoard(emptyBoardState(), board(), 1_000_000);
  const next = applyMove(state, { uid: 't-2', status: 'QUEUED', agentUid: null, workgroupUid: 'wg-support' });
  assert.equal(next.board.queued.find((t) => t.uid === 't-2').workgroupUid, 'wg-support');
  assert.deepEqual(next.board.workgroups.map((g) => g.queued), [1, 1]);
  // Moved and routed to an agent at once: it leaves every queue.
  const routed = applyMove(state, { uid: 't-2', status: 'ASSIGNED', agentUid: 'a-bob', workgroupUid: 'wg-support' });
  assert.deepEqual(routed.board.workgroups.map((g) => g.queued), [1, 0]);
  // A thread the board no longer lists (a newer board came first) changes nothing.
  assert.equal(applyMove(next, { uid: 't-9', status: 'QUEUED' }), next);
});

test('durations read as clock text and figures as p50 / p90', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(45_999), '0:45');
  assert.equal(formatDuration(725_000), '12:05');
  assert.equal(formatDuration(3_725_000), '1:02:05');
  assert.equal(formatDuration(-1), '—');
  assert.equal(formatFigures({ count: 3, p50: 30_000, p90: 95_000 }), '0:30 / 1:35');
  assert.equal(formatFigures(NONE), '—');
  assert.equal(formatFigures(undefined), '—');
});
