// AVAILABLE / BUSY / OFFLINE as a radio group. It always shows the status the
// server last reported (store.agent), whoever changed it: this console,
// another tab, the host page, an admin or a timeout.

import { h, setChildren } from './dom.js';

export const STATUSES = Object.freeze(['AVAILABLE', 'BUSY', 'OFFLINE']);

export function createStatusSwitch({ root, store, i18n, change }) {
  const { t } = i18n;
  let busy = false;

  const group = h('div', { className: 'status-switch', attrs: { role: 'radiogroup' }, on: { keydown: onKey } });
  const buttons = new Map(STATUSES.map((status) => {
    const button = h('button', {
      className: `status-switch__option status--${status.toLowerCase()}`,
      type: 'button',
      attrs: { role: 'radio' },
      dataset: { status },
      on: { click: () => choose(status) },
    }, h('span', { className: 'status-dot', attrs: { 'aria-hidden': 'true' } }), h('span', { className: 'status-switch__label' }));
    group.appendChild(button);
    return [status, button];
  }));
  setChildren(root, group);

  async function choose(status) {
    if (busy || store.agent?.status === status) return;
    busy = true;
    render();
    try {
      await change(status);
    } finally {
      busy = false;
      render();
    }
  }

  // Arrow keys move the selection, as radio groups do.
  function onKey(event) {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = Math.max(0, STATUSES.indexOf(store.agent?.status));
    const next = STATUSES[(index + step + STATUSES.length) % STATUSES.length];
    buttons.get(next).focus();
    choose(next);
  }

  function render() {
    const current = store.agent?.status;
    group.setAttribute('aria-label', t('status.label'));
    group.setAttribute('aria-busy', String(busy));
    for (const [status, button] of buttons) {
      const checked = status === current;
      button.setAttribute('aria-checked', String(checked));
      button.tabIndex = checked || (!current && status === 'AVAILABLE') ? 0 : -1;
      button.disabled = busy;
      button.querySelector('.status-switch__label').textContent = t(`status.${status}`);
    }
  }

  store.subscribe((changes) => { if (changes.has('agent')) render(); });
  i18n.onChange(render);
  render();
  return Object.freeze({ render });
}
