// What the visitor page tells the visitor when the server refuses or ends
// something: which text to show and what it means for the chat. DOM-free, so
// `node --test` checks the mapping; visitor.js does the showing.

/** Response header carrying the renewed visitor token (docs/api.md, visitor API). */
export const RENEWED_TOKEN_HEADER = 'Visitor-Token';
/** Visitor socket close codes: the thread has ended; the token expired. */
export const CHAT_ENDED_CLOSE = 4410;
export const TOKEN_EXPIRED_CLOSE = 4401;
const POLICY_VIOLATION_CLOSE = 1008;

/**
 * The notice for a refused request (an ApiError: status and code), or null when it is no refusal the page explains.
 * kind: 'retry' (try again later; nothing changed), 'ended' (the chat is over), 'expired' (the token ran out).
 */
export function noticeForError(error) {
  const code = error?.code;
  const status = error?.status;
  if (code === 'queue_full') return { key: 'visitor.page.queueFull', kind: 'retry' };
  if (code === 'rate_limited' || status === 429) return { key: 'visitor.page.tryLater', kind: 'retry' };
  if (code === 'overloaded' || status === 503) return { key: 'visitor.page.busy', kind: 'retry' };
  if (code === 'chat_ended' || code === 'thread_closed' || status === 410) return { key: 'visitor.page.closed', kind: 'ended' };
  if (code === 'token_expired') return { key: 'visitor.page.expired', kind: 'expired' };
  return null;
}

/** The notice for a closed visitor socket: ended, expired, lost (token not valid for the thread) or null (reconnect). */
export function noticeForSocketClose(code) {
  if (code === CHAT_ENDED_CLOSE) return { key: 'visitor.page.closed', kind: 'ended' };
  if (code === TOKEN_EXPIRED_CLOSE) return { key: 'visitor.page.expired', kind: 'expired' };
  if (code === POLICY_VIOLATION_CLOSE) return { key: null, kind: 'lost' };
  return null;
}

/** "1 agent online", "3 agents online". */
export function agentsOnlineKey(count) {
  return count === 1 ? 'visitor.page.agentOnline' : 'visitor.page.agentsOnline';
}

/** A fetch that hands every renewed visitor token to `onToken` (use keeps the token alive). */
export function renewingFetch(fetchFn, onToken) {
  return async (...args) => {
    const response = await fetchFn(...args);
    const token = response?.headers?.get?.(RENEWED_TOKEN_HEADER);
    if (token) onToken(token);
    return response;
  };
}
