// REST clients for docs/api.md: the console API (agent credential) and the
// visitor API (visitor token). fetch and the credential are injected, so the
// credential stays in page memory and tests need no network.

/** A refused or failed request: HTTP status (0 when the network failed), the server's error code and text. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const THREAD_VIEWS = Object.freeze(['mine', 'queued', 'closed']);
export const AGENT_STATUSES = Object.freeze(['AVAILABLE', 'BUSY', 'OFFLINE']);
export const MAX_MESSAGE_LENGTH = 4000;

/**
 * One JSON request function. `getAuthorization` returns the bearer value or
 * nothing; `onUnauthorised` hears every 401 (the credential is dead).
 */
export function createRequester({ baseUrl = '', fetch: fetchFn, getAuthorization, onUnauthorised }) {
  if (typeof fetchFn !== 'function') throw new TypeError('fetch is required');
  const base = String(baseUrl).replace(/\/+$/, '');

  return async function request(method, path, { body, query } = {}) {
    const headers = { Accept: 'application/json' };
    const bearer = getAuthorization?.();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetchFn(base + path + queryString(query), init);
    } catch (err) {
      throw new ApiError(0, 'network_error', err?.message || 'network error');
    }
    if (response.status === 204) return null;
    const text = await response.text().catch(() => '');
    const data = parseJson(text);
    if (!response.ok) {
      const error = new ApiError(
        response.status,
        typeof data?.error === 'string' ? data.error : `http_${response.status}`,
        typeof data?.message === 'string' ? data.message : response.statusText || `HTTP ${response.status}`,
      );
      if (response.status === 401) {
        try { onUnauthorised?.(error); } catch { /* the caller still gets the error */ }
      }
      throw error;
    }
    return data;
  };
}

/** The console API. `getCredential()` returns the current console credential. */
export function createApi({ baseUrl = '', fetch: fetchFn, getCredential, onUnauthorised } = {}) {
  const request = createRequester({ baseUrl, fetch: fetchFn, getAuthorization: getCredential, onUnauthorised });
  const thread = (uid) => `/api/v1/threads/${segment(uid)}`;

  return Object.freeze({
    me: () => request('GET', '/api/v1/me'),
    setStatus(status, source = 'console') {
      if (!AGENT_STATUSES.includes(status)) return Promise.reject(new ApiError(400, 'invalid_status', `unknown status ${status}`));
      return request('PUT', '/api/v1/me/status', { body: { status, source } });
    },
    renewSession: () => request('POST', '/api/v1/session/renew'),
    logout: () => request('POST', '/api/v1/session/logout'),
    listThreads(view) {
      if (!THREAD_VIEWS.includes(view)) return Promise.reject(new ApiError(400, 'invalid_view', `unknown view ${view}`));
      return request('GET', '/api/v1/threads', { query: { view } });
    },
    getThread: (uid) => request('GET', thread(uid)),
    listMessages: (uid, { before, limit } = {}) => request('GET', `${thread(uid)}/messages`, { query: { before, limit } }),
    sendMessage: (uid, { clientMessageId, content }) =>
      request('POST', `${thread(uid)}/messages`, { body: { clientMessageId, content } }),
    accept: (uid) => request('POST', `${thread(uid)}/accept`),
    /** `target` is `{agentUid}` (answers an Offer) or `{workgroupUid}` (answers the Thread). */
    async transfer(uid, target) {
      return request('POST', `${thread(uid)}/transfer`, { body: transferBody(target) });
    },
    close: (uid) => request('POST', `${thread(uid)}/close`),
    reopen: (uid) => request('POST', `${thread(uid)}/reopen`),
    markRead: (uid) => request('POST', `${thread(uid)}/read`),
    unread: () => request('GET', '/api/v1/unread'),
    getVisitor: (uid) => request('GET', `/api/v1/visitors/${segment(uid)}`),
    updateVisitor: (uid, { nickname, notes } = {}) =>
      request('PATCH', `/api/v1/visitors/${segment(uid)}`, { body: withoutUndefined({ nickname, notes }) }),
    colleagues: () => request('GET', '/api/v1/colleagues'),
    workgroups: () => request('GET', '/api/v1/workgroups'),
    pendingOffers: () => request('GET', '/api/v1/transfer-offers'),
    acceptOffer: (uid) => request('POST', `/api/v1/transfer-offers/${segment(uid)}/accept`),
    declineOffer: (uid) => request('POST', `/api/v1/transfer-offers/${segment(uid)}/decline`),
    cancelOffer: (uid) => request('POST', `/api/v1/transfer-offers/${segment(uid)}/cancel`),
    // Quick replies (docs/api.md): `{quickReplies, mayManageOrganisation}`.
    quickReplies: () => request('GET', '/api/v1/quick-replies'),
    createQuickReply: ({ scope, shortcut, content }) =>
      request('POST', '/api/v1/quick-replies', { body: withoutUndefined({ scope, shortcut, content }) }),
    updateQuickReply: (uid, { shortcut, content, version }) =>
      request('PUT', `/api/v1/quick-replies/${segment(uid)}`, { body: { shortcut, content, version } }),
    deleteQuickReply: (uid) => request('DELETE', `/api/v1/quick-replies/${segment(uid)}`),
  });
}

/** The visitor API. `getToken()` returns the visitor token once a thread was opened. */
export function createVisitorApi({ baseUrl = '', fetch: fetchFn, getToken } = {}) {
  const request = createRequester({ baseUrl, fetch: fetchFn, getAuthorization: getToken });
  const thread = (uid) => `/api/v1/visitor/threads/${segment(uid)}`;
  return Object.freeze({
    workgroup: (uid) => request('GET', `/api/v1/visitor/workgroups/${segment(uid)}`),
    openThread: ({ workgroupUid, nickname, topic, visitorToken }) =>
      request('POST', '/api/v1/visitor/threads', { body: withoutUndefined({ workgroupUid, nickname, topic, visitorToken }) }),
    messagesAfter: (uid, after) => request('GET', `${thread(uid)}/messages`, { query: { after } }),
    sendMessage: (uid, { clientMessageId, content }) =>
      request('POST', `${thread(uid)}/messages`, { body: { clientMessageId, content } }),
    close: (uid) => request('POST', `${thread(uid)}/close`),
  });
}

/** A client message id: crypto.randomUUID where the page is a secure context, else built from getRandomValues. */
export function newClientMessageId(crypto = globalThis.crypto) {
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function transferBody(target) {
  if (typeof target?.agentUid === 'string') return { agentUid: target.agentUid };
  if (typeof target?.workgroupUid === 'string') return { workgroupUid: target.workgroupUid };
  throw new TypeError('transfer needs {agentUid} or {workgroupUid}');
}

// Uids come from the server, but a slash or '?' in one must not reach another endpoint.
function segment(value) {
  return encodeURIComponent(String(value));
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function withoutUndefined(object) {
  const copy = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) copy[key] = value;
  return copy;
}
