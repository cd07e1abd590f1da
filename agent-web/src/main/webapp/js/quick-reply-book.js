// The quick replies the agent may insert: the organisation's and its own, as
// the server lists them, kept fresh enough (another supervisor's edit shows up
// the next time the list is opened after a while) and reloaded after every
// change made here. DOM-free.

export const STALE_AFTER_MS = 30000;

export function createQuickReplyBook({ api, now = () => Date.now(), staleAfterMs = STALE_AFTER_MS }) {
  let replies = [];
  let mayManageOrganisation = false;
  let loadedAt = null;
  let loading = null;
  const listeners = new Set();

  function notify() {
    for (const listener of [...listeners]) {
      try { listener(); } catch { /* one view's failure is its own */ }
    }
  }

  /** Loads the list; concurrent callers share one request. */
  function load() {
    if (loading) return loading;
    loading = (async () => {
      try {
        const answer = await api.quickReplies();
        replies = Array.isArray(answer?.quickReplies) ? answer.quickReplies : [];
        mayManageOrganisation = answer?.mayManageOrganisation === true;
        loadedAt = now();
        notify();
        return replies;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  /** Starts a reload when the list is older than staleAfterMs (or was never loaded); failures keep the old list. */
  function refreshIfStale() {
    if (loading || (loadedAt !== null && now() - loadedAt < staleAfterMs)) return;
    load().catch(() => {});
  }

  // Also after a refusal that means the list here is out of date (changed or
  // deleted meanwhile: 409, 404), so the next try starts from the server's.
  async function afterChange(change) {
    let result;
    try {
      result = await change();
    } catch (err) {
      if (err?.status === 409 || err?.status === 404) await load().catch(() => {});
      throw err;
    }
    await load().catch(() => {});
    return result;
  }

  return Object.freeze({
    get replies() { return replies; },
    get mayManageOrganisation() { return mayManageOrganisation; },
    get loaded() { return loadedAt !== null; },
    load,
    refreshIfStale,
    create: ({ scope, shortcut, content }) => afterChange(() => api.createQuickReply({ scope, shortcut, content })),
    update: (uid, { shortcut, content, version }) =>
      afterChange(() => api.updateQuickReply(uid, { shortcut, content, version })),
    remove: (uid) => afterChange(() => api.deleteQuickReply(uid)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
