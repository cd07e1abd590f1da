import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCredentialStore, takeCredentialFromAddress, signInOnLoad, CREDENTIAL_KEY } from '../../main/webapp/js/credential-store.js';

function fakeStorage() {
  const items = new Map();
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
  };
}

const quiet = { info() {} };

test('keeps the credential across page loads in the storage it is given, and forgets it on clear', () => {
  const storage = fakeStorage();
  const first = createCredentialStore({ storage: () => storage, logger: quiet });
  first.save('cred-1', 1000);
  // A reload: a new page, a new store over the same sessionStorage.
  const second = createCredentialStore({ storage: () => storage, logger: quiet });
  assert.deepEqual(second.load(), { credential: 'cred-1', expiresAt: 1000 });
  second.save('cred-2', 2000);
  assert.deepEqual(createCredentialStore({ storage: () => storage }).load(), { credential: 'cred-2', expiresAt: 2000 });
  second.clear();
  assert.equal(createCredentialStore({ storage: () => storage }).load(), null);
  assert.equal(storage.items.size, 0);
});

test('blocked storage (a third-party frame) means memory only, without throwing', () => {
  const blocked = () => { throw Object.assign(new Error('Access is denied for this document.'), { name: 'SecurityError' }); };
  const store = createCredentialStore({ storage: blocked, logger: quiet });
  assert.doesNotThrow(() => store.save('cred', 1));
  assert.equal(store.load(), null);
  assert.doesNotThrow(() => store.clear());
  assert.equal(store.persistent, false);

  const full = fakeStorage();
  full.setItem = () => { throw new Error('QuotaExceededError'); };
  const quota = createCredentialStore({ storage: () => full, logger: quiet });
  assert.doesNotThrow(() => quota.save('cred', 1));
  assert.equal(quota.persistent, false);
});

test('an unreadable stored value is dropped', () => {
  for (const raw of ['not json', '{}', '{"credential":""}', '{"credential":42}', 'null']) {
    const storage = fakeStorage();
    storage.setItem(CREDENTIAL_KEY, raw);
    assert.equal(createCredentialStore({ storage: () => storage }).load(), null, raw);
    assert.equal(storage.items.size, 0, raw);
  }
  const storage = fakeStorage();
  storage.setItem(CREDENTIAL_KEY, '{"credential":"c","expiresAt":"soon"}');
  assert.deepEqual(createCredentialStore({ storage: () => storage }).load(), { credential: 'c', expiresAt: null });
});

test('takes #credential= out of the address and its history entry', () => {
  const replaced = [];
  const win = {
    location: { hash: '#credential=abc.def', pathname: '/agent/', search: '' },
    history: { state: null, replaceState: (state, title, url) => replaced.push(url) },
  };
  assert.equal(takeCredentialFromAddress(win), 'abc.def');
  assert.deepEqual(replaced, ['/agent/']);
  assert.equal(takeCredentialFromAddress({ location: { hash: '', pathname: '/agent/', search: '' } }), null);
  assert.equal(takeCredentialFromAddress({ location: { hash: '#other=1', pathname: '/agent/', search: '' } }), null);
});

test('a page signs in with the credential from its address, saved, before a kept one', () => {
  const storage = fakeStorage();
  const credentials = createCredentialStore({ storage: () => storage, logger: quiet });
  credentials.save('kept', 123);
  const win = { location: { hash: '#credential=fresh', pathname: '/agent/', search: '' },
    history: { state: null, replaceState() {} } };
  assert.deepEqual(signInOnLoad(win, credentials), { credential: 'fresh', expiresAt: null });
  assert.deepEqual(credentials.load(), { credential: 'fresh', expiresAt: null });
  const plain = { location: { hash: '', pathname: '/agent/', search: '' } };
  assert.deepEqual(signInOnLoad(plain, credentials), { credential: 'fresh', expiresAt: null });
  credentials.clear();
  assert.equal(signInOnLoad(plain, credentials), null);
});
