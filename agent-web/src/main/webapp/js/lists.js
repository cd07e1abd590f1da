// The thread lists and unread counts, loaded from the server while socket
// events keep arriving: events that come in during a load are held and
// applied on top of it, so neither can undo the other. DOM-free for node --test.

/**
 * `onLoaded()` hears every load that succeeded (the host link waits for the
 * first before it posts an unread count).
 */
export function createListLoader({ api, store, onLoaded = () => {} }) {
  let running = null;
  let next = null;
  let holding = 0;
  const held = [];

  async function load() {
    holding += 1;
    try {
      const [mine, queued, closed, unread] = await Promise.all([
        api.listThreads('mine'), api.listThreads('queued'), api.listThreads('closed'), api.unread(),
      ]);
      store.batch(() => {
        store.setThreads('mine', mine);
        store.setThreads('queued', queued);
        store.setThreads('closed', closed);
        store.setUnread(unread);
      });
    } finally {
      holding -= 1;
      // Each held event sets state to what it says, so the newest wins either way.
      if (holding === 0 && held.length) {
        const events = held.splice(0);
        store.batch(() => events.forEach((frame) => store.apply(frame)));
      }
    }
    onLoaded();
  }

  const loader = {
    /** Loads all lists; a call during a load runs once more after it, never two at once. */
    reload() {
      if (!running) {
        running = load().finally(() => { running = null; });
        return running;
      }
      if (!next) next = running.catch(() => {}).then(() => { next = null; return loader.reload(); });
      return next;
    },
    /**
     * After the server said `resync` (events were lost): the lists and the
     * agent, whose status may have changed in the gap, read again.
     */
    async resync() {
      const [, me] = await Promise.all([loader.reload(), api.me()]);
      store.setAgent(me.agent);
    },
    /** Applies an event now, or after the load in progress. */
    apply(frame) {
      if (holding > 0) held.push(frame);
      else store.apply(frame);
    },
  };
  return loader;
}
