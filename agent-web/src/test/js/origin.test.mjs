import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normaliseOrigin } from '../../main/webapp/sdk/origin.js';

// The same table BridgeSettings is tested against (OriginCasesTest): the server's
// CSP and allow-list and the browser's bridge and SDK must agree on every entry.
const { cases } = JSON.parse(readFileSync(new URL('../resources/origin-cases.json', import.meta.url), 'utf8'));

test('origin-cases.json: each entry normalises to its origin, or is refused', () => {
  assert.ok(cases.length > 40);
  for (const [entry, expected] of cases) assert.equal(normaliseOrigin(entry), expected, JSON.stringify(entry));
});

test('what is not a string is never an origin', () => {
  for (const value of [undefined, null, 443, {}, ['https://a.example'], { toString: () => 'https://a.example' }]) {
    assert.equal(normaliseOrigin(value), null);
  }
});

test('a normalised origin is what a browser writes in event.origin', () => {
  for (const [entry, expected] of cases) {
    if (expected !== null && !expected.includes('xn--')) assert.equal(new URL(entry.trim()).origin, expected, entry);
  }
});
