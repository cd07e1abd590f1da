// The supervisor endpoints (docs/api.md, "Supervisor"): the board and the two
// moves on a queued thread. Same request rules as the console API.

import { createRequester } from './api.js';

export function createSupervisorApi({ baseUrl = '', fetch: fetchFn, getCredential, onUnauthorised } = {}) {
  const request = createRequester({ baseUrl, fetch: fetchFn, getAuthorization: getCredential, onUnauthorised });
  const thread = (uid) => `/api/v1/supervisor/threads/${encodeURIComponent(String(uid))}`;
  return Object.freeze({
    board: () => request('GET', '/api/v1/supervisor/board'),
    assign: (uid, agentUid) => request('POST', `${thread(uid)}/assign`, { body: { agentUid } }),
    move: (uid, workgroupUid) => request('POST', `${thread(uid)}/move`, { body: { workgroupUid } }),
  });
}
