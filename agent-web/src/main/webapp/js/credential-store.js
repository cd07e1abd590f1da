// Where the console credential lives between page loads. In the console's own
// tab it is kept in sessionStorage of the console's origin, so a reload (F5)
// stays signed in; that storage is per tab and ends with it. Where storage is
// blocked (a third-party frame with strict cookie settings) it stays in page
// memory only, and a reload goes through the host's login URL again. Never a
// cookie, never the URL. DOM-free for node --test.

export const CREDENTIAL_KEY = 'agent-console.credential';

/**
 * `storage()` returns the Storage to use and may throw (browsers throw a
 * SecurityError when access is blocked); every failure means "memory only".
 */
export function createCredentialStore({ storage, logger = globalThis.console } = {}) {
  let persistent = true;

  function use(fn) {
    if (!persistent) return null;
    try {
      const area = storage();
      if (!area) throw new Error('no storage');
      return fn(area);
    } catch (err) {
      persistent = false;
      try {
        logger?.info?.('[session] browser storage unavailable, the credential stays in page memory:', err?.message || err);
      } catch {
        // logging is best effort
      }
      return null;
    }
  }

  return Object.freeze({
    get persistent() { return persistent; },
    /** The stored credential as `{credential, expiresAt}`, or null. */
    load() {
      return use((area) => {
        const raw = area.getItem(CREDENTIAL_KEY);
        if (raw === null) return null;
        let saved = null;
        try {
          saved = JSON.parse(raw);
        } catch {
          // unreadable: treated as absent below
        }
        if (!saved || typeof saved.credential !== 'string' || saved.credential === '') {
          area.removeItem(CREDENTIAL_KEY);
          return null;
        }
        return { credential: saved.credential, expiresAt: Number.isFinite(saved.expiresAt) ? saved.expiresAt : null };
      });
    },
    save(credential, expiresAt = null) {
      use((area) => area.setItem(CREDENTIAL_KEY, JSON.stringify({ credential, expiresAt })));
    },
    clear() {
      use((area) => area.removeItem(CREDENTIAL_KEY));
    },
  });
}

/**
 * Reads a fresh credential from `#credential=` (the login's redirect) and
 * takes it out of the address bar and history, or returns null.
 */
export function takeCredentialFromAddress(win) {
  const hash = win.location.hash.replace(/^#/, '');
  if (!hash) return null;
  const value = new URLSearchParams(hash).get('credential');
  if (value === null) return null;
  try {
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
  } catch {
    win.location.hash = '';
  }
  return value || null;
}

/**
 * The sign-in a page starts with: a fresh credential from the login's redirect
 * (saved for the next reload) wins over one kept from before; null if neither.
 */
export function signInOnLoad(win, credentials) {
  const fresh = takeCredentialFromAddress(win);
  if (fresh) credentials.save(fresh);
  return fresh ? { credential: fresh, expiresAt: null } : credentials.load();
}
