// The supervisor board's state, DOM-free for node --test. The server sends
// whole boards (the REST snapshot, then "board" frames on the socket at most
// once a second); this keeps the newest one, the server's clock offset (so
// waiting times tick on the server's time, not a skewed laptop's), and the
// supervisor's own moves until a board that already includes them arrives.

export const STATUS_ORDER = Object.freeze(['AVAILABLE', 'BUSY', 'OFFLINE']);

export function emptyBoardState() {
  return Object.freeze({ board: null, clockOffset: 0, receivedAt: 0 });
}

/**
 * A board from the server, received at `receivedAt` (local ms). An older board
 * than the one held (a REST answer overtaken by a pushed frame) is ignored.
 */
export function applyBoard(state, board, receivedAt) {
  if (!board || !Number.isFinite(board.at)) return state;
  if (state.board && board.at < state.board.at) return state;
  return Object.freeze({ board, clockOffset: board.at - receivedAt, receivedAt });
}

/**
 * The supervisor's own move answered: show it at once. `thread` is the
 * server's answer (status ASSIGNED to an agent, or QUEUED in another
 * workgroup); the next board replaces this guess with the truth.
 */
export function applyMove(state, thread) {
  const board = state.board;
  if (!board || !thread?.uid) return state;
  const before = board.queued.find((row) => row.uid === thread.uid);
  if (!before) return state;
  const stillQueued = thread.status === 'QUEUED';
  const queued = board.queued
    .map((row) => (row.uid === thread.uid && stillQueued ? { ...row, workgroupUid: thread.workgroupUid } : row))
    .filter((row) => row.uid !== thread.uid || stillQueued);
  // It leaves the queue it waited in, and joins another one if it was moved there.
  const workgroups = board.workgroups.map((group) => {
    let count = group.queued;
    if (group.uid === before.workgroupUid) count -= 1;
    if (stillQueued && group.uid === thread.workgroupUid) count += 1;
    return count === group.queued ? group : { ...group, queued: Math.max(0, count) };
  });
  const agents = stillQueued ? board.agents : board.agents.map((agent) =>
    (agent.uid === thread.agentUid ? { ...agent, activeThreads: agent.activeThreads + 1 } : agent));
  return Object.freeze({ ...state, board: { ...board, queued, workgroups, agents } });
}

/** The server's "now" as this browser estimates it. */
export function serverNow(state, localNow) {
  return localNow + state.clockOffset;
}

/** Milliseconds since `since` (server time), never negative; null when unknown. */
export function elapsed(state, since, localNow) {
  if (!Number.isFinite(since) || since <= 0) return null;
  return Math.max(0, serverNow(state, localNow) - since);
}

/** Agents by status (available first), then name; only a workgroup's members when one is chosen. */
export function agentRows(board, workgroupUid = null) {
  if (!board) return [];
  const rank = (status) => {
    const index = STATUS_ORDER.indexOf(status);
    return index < 0 ? STATUS_ORDER.length : index;
  };
  return board.agents
    .filter((agent) => !workgroupUid || (agent.workgroups || []).includes(workgroupUid))
    .slice()
    .sort((a, b) => rank(a.status) - rank(b.status) || String(a.nickname).localeCompare(String(b.nickname)));
}

/** The headline: agents per status, threads queued, the oldest queued moment, and today's figures. */
export function summary(board) {
  const counts = { AVAILABLE: 0, BUSY: 0, OFFLINE: 0 };
  let queued = 0;
  let oldestQueuedAt = null;
  for (const agent of board?.agents || []) if (agent.status in counts) counts[agent.status] += 1;
  for (const group of board?.workgroups || []) {
    queued += group.queued || 0;
    if (Number.isFinite(group.oldestQueuedAt) && (oldestQueuedAt === null || group.oldestQueuedAt < oldestQueuedAt)) {
      oldestQueuedAt = group.oldestQueuedAt;
    }
  }
  return {
    counts,
    queued,
    oldestQueuedAt,
    firstResponse: board?.firstResponse ?? null,
    handle: board?.handle ?? null,
  };
}

/** Agents a queued thread may be given to: online and with a free slot (the server checks again). */
export function assignableAgents(board) {
  return agentRows(board).filter((agent) => agent.status !== 'OFFLINE' && agent.activeThreads < agent.maxThreads);
}

/** Durations as clock text, the same in every language: 0:45, 12:05, 1:02:05. */
export function formatDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** "p50 / p90" of a day's figures, or a dash when nothing was measured yet. */
export function formatFigures(figures) {
  if (!figures || !(figures.count > 0)) return '—';
  return `${formatDuration(figures.p50)} / ${formatDuration(figures.p90)}`;
}
