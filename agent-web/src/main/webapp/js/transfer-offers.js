// Transfer offers between colleagues (docs/api.md, Transfer offers): the ones
// waiting for an answer, to me (incoming) and from me (outgoing). Kept apart
// from the thread lists: until the target accepts, the thread stays the
// sender's, so the lists do not change. DOM-free for node --test.

export const OFFER_STATES = Object.freeze(['PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN']);

/**
 * `agentUid()` names the signed-in agent. Listeners hear `(offers, settled)`:
 * the pending offers after each change, and the offer that just ended (or null),
 * so the console can say what happened to it.
 */
export function createOfferBook({ agentUid }) {
  // uid -> offer; only PENDING ones are kept.
  const pending = new Map();
  // uid -> state, of offers seen to end: a late PENDING (a list loaded before
  // the socket said it ended) must not bring one back.
  const ended = new Map();
  const listeners = new Set();

  function notify(settled) {
    const offers = list();
    for (const listener of listeners) listener(offers, settled);
  }

  function list() {
    return [...pending.values()].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));
  }

  function mine(offer) {
    const me = agentUid();
    return offer?.from?.uid === me || offer?.to?.uid === me;
  }

  /** Takes in one offer as the server described it; answers whether anything changed. */
  function take(offer, { announce = true } = {}) {
    if (!offer || typeof offer.uid !== 'string' || !OFFER_STATES.includes(offer.state) || !mine(offer)) return false;
    if (offer.state === 'PENDING') {
      if (ended.has(offer.uid)) return false;
      pending.set(offer.uid, offer);
      if (announce) notify(null);
      return true;
    }
    const known = pending.delete(offer.uid);
    const first = !ended.has(offer.uid);
    ended.set(offer.uid, offer.state);
    if (announce && (known || first)) notify(offer);
    return known || first;
  }

  return Object.freeze({
    /** The server's list of pending offers (GET /api/v1/transfer-offers) replaces what was kept. */
    setPending(offers) {
      pending.clear();
      for (const offer of Array.isArray(offers) ? offers : []) take(offer, { announce: false });
      notify(null);
    },
    /** A `transfer_offer` socket event; other frames are ignored. */
    apply(frame) {
      if (frame?.type !== 'transfer_offer') return false;
      return take(frame.data?.offer);
    },
    /** An offer this console made or answered (the REST answer). */
    upsert(offer) {
      return take(offer);
    },
    incoming() {
      return list().filter((offer) => offer.to?.uid === agentUid());
    },
    outgoing() {
      return list().filter((offer) => offer.from?.uid === agentUid());
    },
    /** The pending offer of this thread that I made, if any (the conversation shows "offered to ..."). */
    outgoingFor(threadUid) {
      return list().find((offer) => offer.threadUid === threadUid && offer.from?.uid === agentUid()) ?? null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}

/** Whole seconds left to answer at `now` (ms), never below zero. */
export function secondsLeft(offer, now) {
  const left = Math.ceil(((offer?.expiresAt ?? 0) - now) / 1000);
  return Number.isFinite(left) ? Math.max(0, left) : 0;
}

/**
 * The i18n key and parameters that tell this agent what became of an offer
 * that ended, or null when there is nothing to say (my own answer, which the
 * panel already shows by its disappearance).
 */
export function outcomeNotice(offer, me) {
  if (!offer || offer.state === 'PENDING') return null;
  const iSent = offer.from?.uid === me;
  const other = iSent ? offer.to?.nickname : offer.from?.nickname;
  const topic = offer.thread?.user?.nickname ?? offer.thread?.topic ?? '';
  const params = { name: other ?? '', visitor: topic };
  switch (offer.state) {
    case 'ACCEPTED': return { key: iSent ? 'offer.acceptedByThem' : 'offer.acceptedByMe', params };
    case 'DECLINED': return iSent ? { key: 'offer.declinedByThem', params } : null;
    case 'CANCELLED': return iSent ? null : { key: 'offer.cancelledByThem', params };
    case 'EXPIRED': return { key: iSent ? 'offer.expiredSent' : 'offer.expiredReceived', params };
    case 'WITHDRAWN': return iSent ? null : { key: 'offer.withdrawn', params };
    default: return null;
  }
}
