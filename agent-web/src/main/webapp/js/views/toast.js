// Short messages that do not need an answer (a refused action, a failed
// status change). Read out by screen readers through the live region.

import { h } from './dom.js';

export function createToaster({ root, setTimeout: setTimer = globalThis.setTimeout, durationMs = 6000 }) {
  root.setAttribute('aria-live', 'polite');
  return Object.freeze({
    show(text, kind = 'error') {
      const toast = h('div', { className: `toast toast--${kind}` }, String(text));
      root.appendChild(toast);
      setTimer(() => toast.remove(), durationMs);
    },
  });
}
