// Quick replies in the composer, without the DOM: finding the "/query" being
// typed, choosing the replies that match it, what each key does to the
// suggestion list, and the text after a reply is put in. The view
// (views/quick-reply-picker.js) only wires these to the textarea.

export const MAX_SUGGESTIONS = 8;
// Shortcuts are letters, digits, '_', '-' and '.' (as the server checks them);
// anything else, a space above all, ends the query.
const QUERY_CHAR = /[\p{L}\p{N}_.-]/u;
const MAX_QUERY = 32;

/**
 * The quick-reply trigger around the caret: a '/' at the start of the text or
 * after whitespace, followed by shortcut characters up to the caret.
 * Returns { start, end, query } ('/' at start, caret at end) or null.
 */
export function slashQueryAt(text, caret) {
  const value = String(text ?? '');
  const end = Number.isInteger(caret) ? Math.min(Math.max(caret, 0), value.length) : value.length;
  let start = end;
  while (start > 0 && QUERY_CHAR.test(value[start - 1]) && end - start < MAX_QUERY) start -= 1;
  if (start === 0 || value[start - 1] !== '/') return null;
  const slash = start - 1;
  if (slash > 0 && !/\s/u.test(value[slash - 1])) return null;
  // A caret in the middle of a word ("/gre|et") still means the whole word.
  let wordEnd = end;
  while (wordEnd < value.length && QUERY_CHAR.test(value[wordEnd]) && wordEnd - start < MAX_QUERY) wordEnd += 1;
  return { start: slash, end: wordEnd, query: value.slice(start, end) };
}

/**
 * The replies matching `query`, case-insensitively: shortcuts that start with
 * it first, then shortcuts that contain it, then replies whose text does; in
 * the given order within each group. An empty query lists them all.
 */
export function filterReplies(replies, query, limit = MAX_SUGGESTIONS) {
  const needle = String(query ?? '').toLowerCase();
  const groups = [[], [], []];
  for (const reply of Array.isArray(replies) ? replies : []) {
    const shortcut = String(reply?.shortcut ?? '').toLowerCase();
    const content = String(reply?.content ?? '').toLowerCase();
    if (shortcut.startsWith(needle)) groups[0].push(reply);
    else if (shortcut.includes(needle)) groups[1].push(reply);
    else if (content.includes(needle)) groups[2].push(reply);
  }
  return groups.flat().slice(0, Math.max(0, limit));
}

/**
 * What a key does while the list is open with `count` suggestions and `active`
 * the highlighted one: { action: 'move', active } | { action: 'choose', active }
 * | { action: 'close' } | null (the key is the composer's, e.g. a letter).
 */
export function suggestionKey(key, { active = 0, count = 0 } = {}) {
  if (key === 'Escape') return { action: 'close' };
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown': return { action: 'move', active: (active + 1) % count };
    case 'ArrowUp': return { action: 'move', active: (active - 1 + count) % count };
    case 'Home': return { action: 'move', active: 0 };
    case 'End': return { action: 'move', active: count - 1 };
    case 'Enter':
    case 'Tab': return { action: 'choose', active: Math.min(Math.max(active, 0), count - 1) };
    default: return null;
  }
}

/**
 * The composer's text with the trigger (`/query`) replaced by the reply's
 * text, and where the caret goes: right after it, with one space when more
 * text follows without one. Never longer than `maxLength` when one is given
 * (then null: the reply does not fit).
 */
export function insertReply(text, trigger, content, maxLength = Infinity) {
  const value = String(text ?? '');
  const before = value.slice(0, trigger.start);
  let after = value.slice(trigger.end);
  const body = String(content ?? '');
  if (after !== '' && !/^\s/u.test(after)) after = ` ${after}`;
  const next = before + body + after;
  if (next.length > maxLength) return null;
  return { text: next, caret: before.length + body.length };
}

/** One line of a reply, shortened, for the suggestion list. */
export function preview(content, max = 80) {
  const line = String(content ?? '').replace(/\s+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
