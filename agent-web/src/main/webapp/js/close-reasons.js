// Why a closed thread was closed (`closeReason` on threads and on
// thread_status_changed: agent, visitor, idle, system), as the console and
// the visitor page put it. DOM-free, so `node --test` checks the wording.

export const CLOSE_REASONS = Object.freeze(['agent', 'visitor', 'idle', 'system']);

/** The console's status text key for a thread: a closed one says why, when the server said. */
export function threadStatusKey(thread) {
  const status = thread?.status;
  if (status === 'CLOSED' && CLOSE_REASONS.includes(thread.closeReason)) return `thread.closed.${thread.closeReason}`;
  return `thread.${status}`;
}

/** What the visitor page says when its chat was closed for `reason` (unknown reasons: that it has ended). */
export function visitorClosedKey(reason) {
  if (reason === 'idle') return 'visitor.page.closedIdle';
  if (reason === 'agent') return 'visitor.page.closedByAgent';
  return 'visitor.page.closed';
}
