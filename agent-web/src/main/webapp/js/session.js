// Holds the console credential in page memory and renews it before it
// expires. The console does not depend on anything else: in a third-party
// iframe no cookie or storage may be available. (Where storage is, the console
// also keeps a copy for reloads: credential-store.js.)

export const RENEW_BEFORE_MS = 2 * 60 * 1000;
// Timers are checked at least this often: a suspended laptop or a throttled
// background tab fires one long timer late, a chain of short ones catches up.
export const MAX_TIMER_MS = 60 * 1000;
const MIN_RETRY_MS = 5 * 1000;
const MAX_RETRY_MS = 30 * 1000;

/**
 * `renew(credential)` asks the server for a fresh credential and resolves to
 * `{credential, expiresAt}`; a rejection with `status` 401 means the session is
 * over. `onExpired` hears that once.
 */
export function createSession({
  credential,
  expiresAt = null,
  renew,
  now = Date.now,
  setTimeout: setTimer = globalThis.setTimeout,
  clearTimeout: clearTimer = globalThis.clearTimeout,
  onRenewed = () => {},
  onExpired = () => {},
  logger = globalThis.console,
} = {}) {
  if (typeof credential !== 'string' || credential === '') throw new TypeError('credential is required');
  let current = credential;
  let expiry = Number.isFinite(expiresAt) ? expiresAt : null;
  let renewAt = null;
  let timer = null;
  let renewing = null;
  let ended = false;

  // Renew two minutes ahead; a credential with less than that left is
  // renewed halfway through what is left.
  function plan() {
    if (expiry === null) return null;
    const left = expiry - now();
    return left > RENEW_BEFORE_MS ? expiry - RENEW_BEFORE_MS : now() + Math.max(left / 2, 0);
  }

  function schedule(at) {
    if (timer !== null) clearTimer(timer);
    timer = null;
    renewAt = at;
    if (ended || at === null) return;
    timer = setTimer(tick, Math.min(Math.max(at - now(), 0), MAX_TIMER_MS));
  }

  function tick() {
    timer = null;
    if (ended || renewAt === null) return;
    if (now() >= renewAt) renewNow();
    else schedule(renewAt);
  }

  function renewNow() {
    if (ended) return Promise.resolve(false);
    if (renewing) return renewing;
    renewing = Promise.resolve()
      .then(() => renew(current))
      .then((answer) => {
        if (!answer || typeof answer.credential !== 'string' || !Number.isFinite(answer.expiresAt)) {
          throw new Error('renewal answered without a credential');
        }
        current = answer.credential;
        expiry = answer.expiresAt;
        schedule(plan());
        safe(() => onRenewed(answer));
        return true;
      })
      .catch((err) => {
        if (err?.status === 401 || err?.status === 403) {
          end();
          return false;
        }
        // A network hiccup: try again while the credential still works.
        const left = expiry === null ? MAX_RETRY_MS : expiry - now();
        if (left <= 0) {
          end();
          return false;
        }
        safe(() => logger?.warn?.('[session] renewal failed, retrying:', err?.message || err));
        schedule(now() + Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, left / 2)));
        return false;
      })
      .finally(() => { renewing = null; });
    return renewing;
  }

  function end() {
    if (ended) return;
    stop();
    safe(() => onExpired());
  }

  function stop() {
    ended = true;
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  return Object.freeze({
    getCredential: () => current,
    get expiresAt() { return expiry; },
    get renewAt() { return renewAt; },
    /** Starts (or restarts) the renewal clock; `expiresAt` from GET /api/v1/me. */
    start(at = expiry) {
      if (Number.isFinite(at)) expiry = at;
      if (!ended) schedule(plan());
    },
    renewNow,
    stop,
    /** The server said the credential is dead (a 401 elsewhere). */
    expire: end,
    get ended() { return ended; },
  });
}

function safe(fn) {
  try {
    fn();
  } catch {
    // a listener's failure is not the session's
  }
}
