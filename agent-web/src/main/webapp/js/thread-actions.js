// What the agent does to threads, messages and visitors: each calls the REST
// API and puts the server's answer in the store. DOM-free; failures go to
// `report(messageKey, error)`, which the console shows as a toast.

import { newClientMessageId } from './api.js';
import { VIEWS, MESSAGE_PAGE_SIZE } from './store.js';

export function createThreadActions({ api, store, report = () => {}, describe = (err) => err?.message }) {
  /** Marks a thread read; sets the count to zero here unless an event about it arrived meanwhile. */
  async function markRead(uid) {
    const version = store.unreadVersion(uid);
    const answer = await api.markRead(uid);
    // No event about this thread came in during the request, so the server's
    // zero is the newest word; otherwise the event stream already has it right.
    if (store.unreadVersion(uid) === version) store.setUnreadCount(uid, 0);
    return answer;
  }

  async function loadLatest(uid) {
    const page = await api.listMessages(uid, { limit: MESSAGE_PAGE_SIZE });
    store.setLatestMessages(uid, page);
  }

  async function loadEarlier(uid) {
    try {
      const page = await api.listMessages(uid, { before: store.oldestMessageUid(uid) ?? undefined, limit: MESSAGE_PAGE_SIZE });
      store.prependMessages(uid, page);
    } catch (err) {
      report('conv.actionFailed', err);
    }
  }

  function sendMessage(uid, content) {
    const clientMessageId = newClientMessageId();
    store.addPending(uid, { clientMessageId, content });
    deliver(uid, clientMessageId, content);
  }

  function retryMessage(uid, clientMessageId) {
    const pending = store.pendingMessage(uid, clientMessageId);
    if (!pending) return;
    store.addPending(uid, { clientMessageId, content: pending.content });
    deliver(uid, clientMessageId, pending.content);
  }

  // The same client message id on every retry: the server stores it once.
  function deliver(uid, clientMessageId, content) {
    api.sendMessage(uid, { clientMessageId, content }).then(
      (message) => store.addMessage(message),
      (err) => store.markFailed(uid, clientMessageId, { code: err?.code, message: describe(err) }),
    );
  }

  /** Runs a thread change (accept, close, ...) and stores the thread it answers; null when refused. */
  async function changeThread(run, uid) {
    try {
      const thread = await run(uid);
      store.upsertThread(thread);
      return thread;
    } catch (err) {
      report('conv.actionFailed', err);
      return null;
    }
  }

  async function saveVisitor(uid, patch) {
    const visitor = await api.updateVisitor(uid, patch);
    store.batch(() => {
      store.setVisitor(visitor);
      // Lists show the nickname too.
      for (const view of VIEWS) {
        for (const thread of store.threads(view)) {
          if (thread.user?.uid === visitor.uid) store.upsertThread({ uid: thread.uid, user: { uid: visitor.uid, nickname: visitor.nickname } });
        }
      }
    });
    return visitor;
  }

  async function changeStatus(status) {
    try {
      store.setAgent(await api.setStatus(status, 'console'));
    } catch (err) {
      report('status.failed', err);
    }
  }

  return Object.freeze({
    markRead, loadLatest, loadEarlier, sendMessage, retryMessage, changeThread, saveVisitor, changeStatus,
  });
}
