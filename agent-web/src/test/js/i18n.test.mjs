import test from 'node:test';
import assert from 'node:assert/strict';
import { createI18n, pickLanguage, safeStorage, MESSAGES, STORAGE_KEY } from '../../main/webapp/js/i18n.js';

function memoryStorage(initial = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key) => (data.has(key) ? data.get(key) : null),
    setItem: (key, value) => { data.set(key, String(value)); },
    removeItem: (key) => { data.delete(key); },
    data,
  };
}

// What a third-party iframe with blocked storage does: touching it throws.
const blockedStorage = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };

test('zh* browser languages pick Chinese, everything else English', () => {
  assert.equal(pickLanguage('zh'), 'zh');
  assert.equal(pickLanguage('zh-CN'), 'zh');
  assert.equal(pickLanguage('zh-Hant-TW'), 'zh');
  assert.equal(pickLanguage('ZH-hk'), 'zh');
  assert.equal(pickLanguage('en-US'), 'en');
  assert.equal(pickLanguage('de'), 'en');
  assert.equal(pickLanguage(undefined), 'en');
  assert.equal(pickLanguage(['', 'zh-CN']), 'zh');
});

test('follows navigator.language when nothing was chosen', () => {
  assert.equal(createI18n({ navigator: { language: 'zh-CN' }, storage: memoryStorage() }).language, 'zh');
  assert.equal(createI18n({ navigator: { language: 'fr-FR' }, storage: memoryStorage() }).language, 'en');
  assert.equal(createI18n({ navigator: {}, storage: memoryStorage() }).language, 'en');
});

test('translates, with English as the fallback and {name} parameters filled in', () => {
  const zh = createI18n({ navigator: { language: 'zh' }, storage: memoryStorage() });
  assert.equal(zh.t('status.AVAILABLE'), '在线接待');
  assert.equal(zh.t('status.BUSY'), '客服忙碌');
  assert.equal(zh.t('status.OFFLINE'), '客服下线');
  assert.equal(zh.t('app.unreadTotal', { count: 3 }), '3 条未读');
  assert.equal(zh.t('no.such.key'), 'no.such.key');
  assert.equal(zh.locale, 'zh-CN');
  const en = createI18n({ navigator: { language: 'en' }, storage: memoryStorage() });
  assert.equal(en.t('composer.counter', { count: 12, max: 4000 }), '12 / 4000');
  assert.equal(en.t('composer.counter', { count: 12 }), '12 / {max}', 'a missing parameter stays visible');
  assert.equal(en.locale, 'en');
});

test('switching language notifies listeners and is remembered', () => {
  const storage = memoryStorage();
  const i18n = createI18n({ navigator: { language: 'en-GB' }, storage });
  const heard = [];
  const off = i18n.onChange((language) => heard.push(language));
  assert.equal(i18n.setLanguage('zh'), true);
  assert.equal(i18n.language, 'zh');
  assert.equal(storage.data.get(STORAGE_KEY), 'zh');
  assert.equal(i18n.setLanguage('zh'), true);
  assert.deepEqual(heard, ['zh'], 'no notification without a change');
  assert.equal(i18n.setLanguage('fr'), false);
  off();
  i18n.setLanguage('en');
  assert.deepEqual(heard, ['zh']);
  // The next page load starts with the remembered choice, whatever the browser says.
  assert.equal(createI18n({ navigator: { language: 'en' }, storage: memoryStorage({ [STORAGE_KEY]: 'zh' }) }).language, 'zh');
  assert.equal(createI18n({ navigator: { language: 'zh' }, storage }).language, 'en');
});

test('a remembered value that is not a language is ignored', () => {
  const i18n = createI18n({ navigator: { language: 'zh' }, storage: memoryStorage({ [STORAGE_KEY]: '<script>' }) });
  assert.equal(i18n.language, 'zh');
});

test('blocked storage (third-party iframe) never throws', () => {
  const i18n = createI18n({ navigator: { language: 'zh-TW' }, storage: blockedStorage });
  assert.equal(i18n.language, 'zh');
  assert.equal(i18n.setLanguage('en'), true);
  assert.equal(i18n.language, 'en');
  const throwing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('quota'); }, removeItem() { throw new Error('denied'); } };
  const safe = safeStorage(throwing);
  assert.equal(safe.get('x'), null);
  assert.equal(safe.set('x', '1'), false);
  assert.equal(safe.remove('x'), false);
  assert.equal(safeStorage(undefined).get('x'), null);
  assert.equal(createI18n({ navigator: { language: 'en' } }).language, 'en');
});

test('both languages have the same keys and no empty text', () => {
  assert.deepEqual(Object.keys(MESSAGES.zh).sort(), Object.keys(MESSAGES.en).sort());
  for (const [language, table] of Object.entries(MESSAGES)) {
    for (const [key, text] of Object.entries(table)) assert.ok(typeof text === 'string' && text.length > 0, `${language}.${key}`);
  }
});

test('parameters in each Chinese text match the English one', () => {
  const names = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(MESSAGES.en)) assert.deepEqual(names(MESSAGES.zh[key]), names(MESSAGES.en[key]), key);
});
