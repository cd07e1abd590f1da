// The console's state, DOM-free so node --test can drive it. Everything the
// server tells us (REST answers and socket events) goes through here; views
// subscribe and redraw what changed. Event handlers only set state to what
// the event says, so applying one twice, or after a list reload that already
// contains it, ends in the same place.

export const VIEWS = Object.freeze(['mine', 'queued', 'closed']);
export const MESSAGE_PAGE_SIZE = 50;

// The server keeps at most this many in the closed view (docs/api.md).
const CLOSED_LIMIT = 50;
const HOLDS_AGENT = new Set(['ASSIGNED', 'CHATTING']);
// Used only when an event carries no thread status.
const STATUS_AFTER_ACTION = Object.freeze({
  queued: 'QUEUED',
  assigned: 'ASSIGNED',
  accepted: 'CHATTING',
  transferred: 'ASSIGNED',
  closed: 'CLOSED',
  reopened: 'CHATTING',
});

export function createStore() {
  let agent = null;
  const threads = new Map();
  const views = { mine: [], queued: [], closed: [] };
  const unread = new Map();
  // Bumped on every unread change of a thread, so a caller can tell whether an
  // event about it arrived while its own request was in flight.
  const unreadVersions = new Map();
  const conversations = new Map();
  const visitors = new Map();
  let currentUid = null;
  let connection = 'connecting';
  const listeners = new Set();
  let changes = new Set();
  let batchDepth = 0;

  // --- change notification -------------------------------------------------

  function touch(kind) {
    changes.add(kind);
    if (batchDepth === 0) flush();
  }

  function flush() {
    if (changes.size === 0) return;
    const done = changes;
    changes = new Set();
    for (const listener of [...listeners]) {
      try {
        listener(done);
      } catch (err) {
        // One broken view must not stop the others (or the bridge) from hearing.
        globalThis.console?.error?.('[store] listener failed', err);
      }
    }
  }

  /** Runs fn with notifications held, then tells listeners once. */
  function batch(fn) {
    batchDepth += 1;
    try {
      return fn();
    } finally {
      batchDepth -= 1;
      if (batchDepth === 0) flush();
    }
  }

  function subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  // --- agent ---------------------------------------------------------------

  function setAgent(info) {
    if (!info || typeof info !== 'object') return;
    // Event payloads carry fewer fields than GET /me (no username): keep the rest.
    agent = { ...(agent || {}), ...withoutUndefined(info) };
    touch('agent');
  }

  // --- threads -------------------------------------------------------------

  function setThreads(view, list) {
    if (!VIEWS.includes(view)) throw new TypeError(`unknown view ${view}`);
    batch(() => {
      const uids = [];
      for (const thread of Array.isArray(list) ? list : []) {
        if (!thread || typeof thread.uid !== 'string') continue;
        mergeThread(thread);
        // A fresh list is the truth: a thread it names leaves the other views.
        for (const other of VIEWS) if (other !== view) removeFrom(other, thread.uid);
        if (!uids.includes(thread.uid)) uids.push(thread.uid);
      }
      views[view] = uids;
      touch('threads');
    });
  }

  function mergeThread(incoming) {
    const existing = threads.get(incoming.uid);
    const merged = { ...(existing || {}), ...withoutUndefined(incoming) };
    if (incoming.user && existing?.user) merged.user = { ...existing.user, ...withoutUndefined(incoming.user) };
    threads.set(incoming.uid, merged);
    touch('threads');
    return merged;
  }

  /** Which view a thread belongs in now, or null when it is none of ours. */
  function viewFor(thread, previousView) {
    const status = thread.status;
    if (status === 'QUEUED') return inMyWorkgroups(thread.workgroupUid) ? 'queued' : null;
    const mine = thread.agentUid === undefined || (agent && thread.agentUid === agent.uid);
    if (HOLDS_AGENT.has(status)) return mine ? 'mine' : null;
    if (status === 'CLOSED') return mine || previousView === 'mine' || previousView === 'closed' ? 'closed' : null;
    return previousView;
  }

  // A thread transferred away to a workgroup is queued somewhere we may not serve.
  function inMyWorkgroups(workgroupUid) {
    if (workgroupUid == null || !Array.isArray(agent?.workgroups)) return true;
    return agent.workgroups.some((workgroup) => workgroup?.uid === workgroupUid);
  }

  function viewOf(uid) {
    return VIEWS.find((view) => views[view].includes(uid)) ?? null;
  }

  function removeFrom(view, uid) {
    const index = views[view].indexOf(uid);
    if (index < 0) return false;
    views[view].splice(index, 1);
    touch('threads');
    return true;
  }

  function placeOnTop(view, uid) {
    const list = views[view];
    const index = list.indexOf(uid);
    if (index === 0) return;
    if (index > 0) list.splice(index, 1);
    list.unshift(uid);
    if (view === 'closed' && list.length > CLOSED_LIMIT) list.length = CLOSED_LIMIT;
    touch('threads');
  }

  /** Records a thread (REST answer or event summary) and moves it to the view its status says. */
  function upsertThread(thread) {
    if (!thread || typeof thread.uid !== 'string') return null;
    return batch(() => {
      const previousView = viewOf(thread.uid);
      const merged = mergeThread(thread);
      const target = viewFor(merged, previousView);
      for (const view of VIEWS) if (view !== target) removeFrom(view, thread.uid);
      if (target && target !== previousView) placeOnTop(target, thread.uid);
      return merged;
    });
  }

  function threadList(view) {
    return views[view].map((uid) => threads.get(uid)).filter(Boolean);
  }

  // --- unread --------------------------------------------------------------

  function setUnreadEntry(uid, entry) {
    const before = unread.get(uid);
    if (entry.unreadCount > 0) {
      if (before && sameUnread(before, entry)) return;
      unread.set(uid, entry);
    } else {
      if (!before) return;
      unread.delete(uid);
    }
    unreadVersions.set(uid, (unreadVersions.get(uid) || 0) + 1);
    const thread = threads.get(uid);
    if (thread) threads.set(uid, { ...thread, unreadCount: entry.unreadCount });
    touch('unread');
  }

  /** Replaces all unread counts with GET /api/v1/unread's answer. */
  function setUnread(summary) {
    const list = Array.isArray(summary?.unreadThreads) ? summary.unreadThreads : [];
    batch(() => {
      const seen = new Set();
      for (const item of list) {
        if (!item || typeof item.uid !== 'string') continue;
        seen.add(item.uid);
        setUnreadEntry(item.uid, unreadEntry(item.uid, item));
      }
      for (const uid of [...unread.keys()]) {
        if (!seen.has(uid)) setUnreadEntry(uid, { uid, unreadCount: 0 });
      }
    });
  }

  /** Sets one thread's count locally (after our own mark-read succeeded). */
  function setUnreadCount(uid, count) {
    const before = unread.get(uid);
    const thread = threads.get(uid);
    setUnreadEntry(uid, unreadEntry(uid, { ...(thread || {}), ...(before || {}), unreadCount: count }));
  }

  function unreadSummary() {
    const unreadThreads = [...unread.values()]
      .filter((entry) => entry.unreadCount > 0)
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((entry) => ({ ...entry }));
    const totalUnreadCount = unreadThreads.reduce((sum, entry) => sum + entry.unreadCount, 0);
    return { totalUnreadCount, unreadThreads };
  }

  // --- messages ------------------------------------------------------------

  function conversation(uid) {
    let entry = conversations.get(uid);
    if (!entry) {
      entry = { confirmed: [], pending: [], hasMore: false, loaded: false };
      conversations.set(uid, entry);
    }
    return entry;
  }

  /** The newest page (GET messages without `before`): replaces what we had, since a gap could hide between. */
  function setLatestMessages(threadUid, page) {
    const entry = conversation(threadUid);
    entry.confirmed = [];
    for (const message of page?.messages || []) insertConfirmed(entry, message);
    entry.hasMore = Boolean(page?.hasMore);
    entry.loaded = true;
    touch('messages');
  }

  /** An older page ("load earlier"). */
  function prependMessages(threadUid, page) {
    const entry = conversation(threadUid);
    for (const message of page?.messages || []) insertConfirmed(entry, message);
    entry.hasMore = Boolean(page?.hasMore);
    entry.loaded = true;
    touch('messages');
  }

  function insertConfirmed(entry, message) {
    if (!message || typeof message.uid !== 'string') return false;
    let changed = false;
    if (message.clientMessageId) {
      // The server's copy of a message we were still sending replaces it.
      const before = entry.pending.length;
      entry.pending = entry.pending.filter((p) => p.clientMessageId !== message.clientMessageId);
      changed = entry.pending.length !== before;
    }
    if (entry.confirmed.some((m) => m.uid === message.uid)) return changed;
    const stored = { ...message, state: 'sent' };
    // Ordered by time; equal times keep arrival order.
    let index = entry.confirmed.length;
    while (index > 0 && entry.confirmed[index - 1].createdAt > stored.createdAt) index -= 1;
    entry.confirmed.splice(index, 0, stored);
    return true;
  }

  /** A message of ours while it is being sent; `clientMessageId` keys its retries. */
  function addPending(threadUid, { clientMessageId, content, createdAt = Date.now() }) {
    const entry = conversation(threadUid);
    if (entry.confirmed.some((m) => m.clientMessageId === clientMessageId)) return;
    const existing = entry.pending.find((p) => p.clientMessageId === clientMessageId);
    if (existing) {
      existing.state = 'pending';
      existing.error = undefined;
    } else {
      entry.pending.push({ uid: null, threadUid, senderKind: 'AGENT', clientMessageId, content, createdAt, state: 'pending' });
    }
    touch('messages');
  }

  function markFailed(threadUid, clientMessageId, error) {
    const pending = conversation(threadUid).pending.find((p) => p.clientMessageId === clientMessageId);
    if (!pending) return;
    pending.state = 'failed';
    pending.error = error;
    touch('messages');
  }

  function pendingMessage(threadUid, clientMessageId) {
    const found = conversations.get(threadUid)?.pending.find((p) => p.clientMessageId === clientMessageId);
    return found ? { ...found } : null;
  }

  /** Adds a stored message and updates its thread's preview. */
  function addMessage(message) {
    if (!message || typeof message.threadUid !== 'string') return;
    batch(() => {
      const entry = conversations.get(message.threadUid);
      // An unopened conversation loads its newest page when opened; a lone
      // message here would only make that page look complete. A pending copy
      // is still replaced, or it would spin forever.
      const ours = entry?.pending.some((p) => p.clientMessageId === message.clientMessageId);
      if ((entry?.loaded || ours) && insertConfirmed(entry, message)) touch('messages');
      const thread = threads.get(message.threadUid);
      if (thread && (thread.lastMessageAt == null || message.createdAt >= thread.lastMessageAt)) {
        threads.set(thread.uid, {
          ...thread,
          content: message.content,
          lastMessageAt: message.createdAt,
          updatedAt: Math.max(thread.updatedAt || 0, message.createdAt || 0),
        });
        const view = viewOf(thread.uid);
        if (view === 'mine') placeOnTop('mine', thread.uid);
        touch('threads');
      }
    });
  }

  function messages(threadUid) {
    const entry = conversations.get(threadUid);
    if (!entry) return { items: [], hasMore: false, loaded: false };
    return {
      items: [...entry.confirmed, ...entry.pending].map((m) => ({ ...m })),
      hasMore: entry.hasMore,
      loaded: entry.loaded,
    };
  }

  function oldestMessageUid(threadUid) {
    return conversations.get(threadUid)?.confirmed[0]?.uid ?? null;
  }

  // --- server events -------------------------------------------------------

  /** Applies one socket event `{type, data}`; returns false for types it does not know. */
  function apply(event) {
    const data = event?.data;
    if (!data || typeof data !== 'object') return false;
    switch (event.type) {
      case 'agent_status_changed':
        setAgent({ ...(data.agentInfo || {}), status: data.status ?? data.agentInfo?.status });
        return true;
      case 'thread_status_changed': {
        if (!data.thread) return false;
        const thread = { ...data.thread };
        if (!thread.status) thread.status = STATUS_AFTER_ACTION[data.action];
        upsertThread(thread);
        return true;
      }
      case 'new_visitor_message': {
        if (!data.thread) return false;
        // Sent only to agents the thread was routed or transferred to, or
        // queued for; the summary names no agent, so a held one is ours.
        const thread = { ...data.thread };
        if (thread.status == null) thread.status = 'QUEUED';
        if (HOLDS_AGENT.has(thread.status) && thread.agentUid === undefined && agent) thread.agentUid = agent.uid;
        upsertThread(thread);
        return true;
      }
      case 'unread_count_changed': {
        const uid = data.threadUid ?? data.uid;
        if (typeof uid !== 'string') return false;
        setUnreadEntry(uid, unreadEntry(uid, data));
        return true;
      }
      case 'message_created':
        if (!data.message) return false;
        addMessage(data.message);
        return true;
      default:
        return false;
    }
  }

  // --- the rest ------------------------------------------------------------

  function setCurrent(uid) {
    if (currentUid === uid) return;
    currentUid = uid;
    touch('current');
  }

  function setVisitor(visitor) {
    if (!visitor || typeof visitor.uid !== 'string') return;
    visitors.set(visitor.uid, { ...visitor });
    touch('visitor');
  }

  function setConnection(state) {
    if (connection === state) return;
    connection = state;
    touch('connection');
  }

  return Object.freeze({
    subscribe,
    batch,
    apply,
    get agent() { return agent ? { ...agent } : null; },
    setAgent,
    setThreads,
    upsertThread,
    threads: threadList,
    thread: (uid) => (threads.has(uid) ? { ...threads.get(uid) } : null),
    viewOf,
    setUnread,
    setUnreadCount,
    unreadOf: (uid) => unread.get(uid)?.unreadCount ?? 0,
    unreadVersion: (uid) => unreadVersions.get(uid) || 0,
    unreadSummary,
    setLatestMessages,
    prependMessages,
    addMessage,
    addPending,
    markFailed,
    pendingMessage,
    messages,
    oldestMessageUid,
    get currentUid() { return currentUid; },
    setCurrent,
    visitor: (uid) => (visitors.has(uid) ? { ...visitors.get(uid) } : null),
    setVisitor,
    get connection() { return connection; },
    setConnection,
  });
}

// Exactly the contract's unreadThreads item (§3), whatever the source carried.
function unreadEntry(uid, source) {
  return {
    uid,
    topic: source.topic ?? null,
    type: source.type ?? null,
    unreadCount: Number.isFinite(source.unreadCount) ? source.unreadCount : 0,
    content: source.content ?? null,
    updatedAt: Number.isFinite(source.updatedAt) ? source.updatedAt : 0,
  };
}

function sameUnread(a, b) {
  return a.unreadCount === b.unreadCount && a.topic === b.topic && a.type === b.type
    && a.content === b.content && a.updatedAt === b.updatedAt;
}

function withoutUndefined(object) {
  const copy = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) copy[key] = value;
  return copy;
}
