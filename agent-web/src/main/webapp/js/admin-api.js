// The administration API (docs/api.md, "Administration") and the checks the
// admin page makes before sending a form. DOM-free: fetch and the credential
// are injected, so node --test drives it without a browser or a network.

import { createRequester } from './api.js';

export const ROLES = Object.freeze(['SUPERVISOR', 'ADMIN']);
export const MAX_NAME = 200;
export const MAX_THREADS = 100;
export const MAX_QUEUE_CAP = 100000;

/** `getCredential()` returns the console credential; `onUnauthorised` hears a 401 (the credential is dead). */
export function createAdminApi({ baseUrl = '', fetch: fetchFn, getCredential, onUnauthorised } = {}) {
  const send = createRequester({ baseUrl, fetch: fetchFn, getAuthorization: getCredential, onUnauthorised });
  const request = (method, path, body) => send(method, `/api/v1/admin${path}`, { body });

  const id = (uid) => encodeURIComponent(uid);
  return Object.freeze({
    workgroups: () => request('GET', '/workgroups'),
    createWorkgroup: (body) => request('POST', '/workgroups', body),
    changeWorkgroup: (uid, body) => request('PATCH', `/workgroups/${id(uid)}`, body),
    agents: () => request('GET', '/agents'),
    createAgent: (body) => request('POST', '/agents', body),
    changeAgent: (uid, body) => request('PATCH', `/agents/${id(uid)}`, body),
    disableAgent: (uid) => request('POST', `/agents/${id(uid)}/disable`),
    enableAgent: (uid) => request('POST', `/agents/${id(uid)}/enable`),
    audit: (limit = 20) => request('GET', `/audit?limit=${Number(limit)}`),
  });
}

export const ROUTING_MODES = ['LEAST_ACTIVE', 'ROUND_ROBIN', 'LONGEST_IDLE'];
const MAX_IDLE_MINUTES = 7 * 24 * 60;

/**
 * A workgroup form's values as a request body, or `{ error }` naming the first
 * bad field (an i18n key). `queueCap` and `idleCloseMinutes` empty mean "the
 * deployment's default". For an edit only what changed from `current` is sent.
 */
export function workgroupBody({ name, queueCap, routingMode = 'LEAST_ACTIVE', idleCloseMinutes }, current = null) {
  const trimmed = String(name ?? '').trim();
  if (trimmed === '' || trimmed.length > MAX_NAME) return { error: 'admin.error.name' };
  const cap = parseWhole(queueCap, 0, MAX_QUEUE_CAP);
  if (cap === undefined) return { error: 'admin.error.queueCap' };
  if (!ROUTING_MODES.includes(routingMode)) return { error: 'admin.error.routingMode' };
  const idle = parseWhole(idleCloseMinutes, 1, MAX_IDLE_MINUTES);
  if (idle === undefined) return { error: 'admin.error.idleCloseMinutes' };
  if (!current) {
    const body = { name: trimmed };
    if (cap !== null) body.queueCap = cap;
    if (routingMode !== 'LEAST_ACTIVE') body.routingMode = routingMode;
    if (idle !== null) body.idleCloseMinutes = idle;
    return { body };
  }
  const body = {};
  if (trimmed !== current.name) body.name = trimmed;
  if (cap !== (current.queueCap ?? null)) body.queueCap = cap;
  if (routingMode !== (current.routingMode ?? 'LEAST_ACTIVE')) body.routingMode = routingMode;
  if (idle !== (current.idleCloseMinutes ?? null)) body.idleCloseMinutes = idle;
  return { body };
}

/** An agent form's values as a request body, or `{ error }`; an edit sends no username. */
export function agentBody({ username, nickname, maxThreads, roles = [], workgroups = [] }, editing = false) {
  const body = {};
  if (!editing) {
    const user = String(username ?? '').trim();
    if (user === '' || /\s/.test(user) || user.length > MAX_NAME) return { error: 'admin.error.username' };
    body.username = user;
  }
  const nick = String(nickname ?? '').trim();
  if (nick.length > MAX_NAME) return { error: 'admin.error.nickname' };
  if (nick !== '') body.nickname = nick;
  const threads = parseWhole(maxThreads, 1, MAX_THREADS);
  if (threads === undefined) return { error: 'admin.error.maxThreads' };
  if (threads !== null) body.maxThreads = threads;
  body.roles = ROLES.filter((role) => roles.includes(role));
  body.workgroups = [...new Set(workgroups)];
  return { body };
}

/** '' → null (not given); a whole number in range → it; anything else → undefined (invalid). */
function parseWhole(value, min, max) {
  const text = String(value ?? '').trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return undefined;
  const number = Number(text);
  return number >= min && number <= max ? number : undefined;
}
