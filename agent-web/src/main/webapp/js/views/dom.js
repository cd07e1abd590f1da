// Element building without HTML strings: every piece of text becomes a text
// node, so visitor content can never turn into markup.

/**
 * h('button', { className: 'x', type: 'button', on: { click } , attrs: { 'aria-label': 'y' } }, 'text', child)
 * Strings and numbers among the children become text nodes; null/false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) continue;
    if (key === 'on') {
      for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
    } else if (key === 'attrs') {
      for (const [name, attr] of Object.entries(value)) if (attr !== undefined && attr !== null && attr !== false) el.setAttribute(name, String(attr));
    } else if (key === 'dataset') {
      for (const [name, data] of Object.entries(value)) el.dataset[name] = String(data);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'className' || key === 'type' || key === 'value' || key === 'name' || key === 'id'
      || key === 'hidden' || key === 'disabled' || key === 'checked' || key === 'title' || key === 'maxLength'
      || key === 'rows' || key === 'placeholder' || key === 'htmlFor' || key === 'autocomplete' || key === 'required') {
      el[key] = value;
    } else {
      throw new TypeError(`h(): unsupported property ${key}`);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (typeof child === 'string' || typeof child === 'number') el.appendChild(document.createTextNode(String(child)));
    else el.appendChild(child);
  }
}

/** Replaces an element's children (text stays text). */
export function setChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

export function formatTime(ms, locale) {
  if (!Number.isFinite(ms) || ms <= 0) return '';
  const date = new Date(ms);
  const today = new Date();
  const sameDay = date.toDateString() === today.toDateString();
  const options = sameDay ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return date.toLocaleString();
  }
}

export function formatDateTime(ms, locale) {
  if (!Number.isFinite(ms) || ms <= 0) return '—';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  } catch {
    return new Date(ms).toLocaleString();
  }
}

/** One or two letters for an avatar placeholder (we do not load avatar URLs from visitors). */
export function initials(name) {
  const text = String(name || '?').trim();
  return ([...text][0] || '?').toUpperCase();
}

/** The text to show for a failure. */
export function reasonOf(err, t) {
  if (err?.status === 0) return t('error.network');
  return err?.message || String(err);
}
