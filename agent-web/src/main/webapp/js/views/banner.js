// The strip under the header that says the live connection is down and that
// the console is getting it back.

import { h, setChildren } from './dom.js';

export function createConnectionBanner({ root, store, i18n, reconnectNow, isBrowserOnline = () => true }) {
  const { t } = i18n;
  // "Reconnecting" only makes sense once we were connected.
  let wasOnline = false;
  const text = h('span', {});
  const retry = h('button', { className: 'button button--small', type: 'button', on: { click: () => reconnectNow() } });
  setChildren(root, text, retry);
  root.setAttribute('role', 'status');

  function render() {
    const state = store.connection;
    if (state === 'online') wasOnline = true;
    const down = state === 'offline' || (state === 'connecting' && wasOnline);
    root.hidden = !down;
    root.classList.toggle('banner--warn', down);
    text.textContent = !isBrowserOnline() ? t('conn.offline') : t('conn.reconnecting');
    retry.textContent = t('conn.retryNow');
    retry.hidden = state !== 'offline';
  }

  store.subscribe((changes) => { if (changes.has('connection')) render(); });
  i18n.onChange(render);
  render();
  return Object.freeze({ render });
}
