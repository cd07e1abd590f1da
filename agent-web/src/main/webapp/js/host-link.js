// What the console tells its host page, and when (spec/bridge-protocol.md §3,
// §4 as amended), on top of the bridge's transport: console_ready first; the
// first unread count only after a load succeeded, so it is exact; one
// agent_status_changed after every status command, even one that changed
// nothing; the current status and an exact count after a resync.

import { createBridge } from './bridge.js';

// The fields contract §3 gives agentInfo (GET /me has more, such as username).
const AGENT_INFO_FIELDS = ['uid', 'nickname', 'avatar', 'status', 'workgroups', 'maxThreads', 'activeThreads'];

export function createHostLink({
  window: win,
  allowedOrigins,
  api,
  store,
  lists,
  markRead,
  version,
  bridgeFactory = createBridge,
  bridgeOptions = {},
}) {
  let loaded = false;

  const bridge = bridgeFactory({
    ...bridgeOptions,
    window: win,
    allowedOrigins,
    commands: {
      async setStatus(status) {
        const before = store.agent?.status;
        const agent = await api.setStatus(status, 'host');
        store.setAgent(agent);
        // The server records (and pushes) only a real change; the host may
        // rely on one event per command, so an unchanged status is told here.
        if (agent?.status === before) postStatus();
      },
      async refreshThreads() {
        await lists.reload();
        postUnread();
      },
      async clearUnread(threadUid) {
        await markRead(threadUid);
        postUnread();
      },
    },
  });

  const unsubscribe = store.subscribe((changes) => {
    if (changes.has('unread')) postUnread();
  });

  function postUnread() {
    if (loaded) bridge.unreadChanged(store.unreadSummary());
  }

  function postStatus() {
    const agent = store.agent;
    if (agent) bridge.agentStatusChanged(agent.status, agentInfoOf(agent));
  }

  return Object.freeze({
    /** The console is listening: console_ready, then an exact count if the lists are in. */
    start() {
      bridge.ready(store.agent, version);
      postUnread();
    },
    /** A list load succeeded; the first one lets unread counts through. */
    listsLoaded() {
      if (loaded) return;
      loaded = true;
      postUnread();
    },
    /** The console caught up after `resync`: events the host missed are summed up. */
    resynced() {
      postStatus();
      postUnread();
    },
    serverEvent(frame) {
      const data = frame?.data || {};
      switch (frame?.type) {
        case 'new_visitor_message':
          bridge.newVisitorThread(data.thread);
          break;
        case 'agent_status_changed':
          bridge.agentStatusChanged(data.status, data.agentInfo);
          break;
        case 'thread_status_changed':
          bridge.threadStatusChanged(data.thread, data.action);
          break;
        case 'transfer_offer':
          bridge.transferOfferChanged?.(data.offer);
          break;
        default:
          break;
      }
    },
    destroy() {
      unsubscribe();
      bridge.destroy();
    },
  });
}

function agentInfoOf(agent) {
  const info = {};
  for (const field of AGENT_INFO_FIELDS) if (agent[field] !== undefined) info[field] = agent[field];
  return info;
}
