// Transfer offers on screen: an offer to me with Accept / Decline and the
// seconds left, an offer of mine as "Offered to X" with Cancel. A fixed stack
// in the corner (it concerns threads that may not be open), redrawn when the
// offer book changes and ticking once a second while anything waits.

import { h, setChildren, reasonOf } from './dom.js';
import { secondsLeft } from '../transfer-offers.js';

export function createOfferPanel({
  book, i18n, accept, decline, cancel, report = () => {},
  now = Date.now, setInterval: every = globalThis.setInterval, clearInterval: stop = globalThis.clearInterval,
}) {
  const { t } = i18n;
  const root = h('section', { className: 'offers', attrs: { 'aria-live': 'polite', 'aria-label': t('offer.region') } });
  document.body.appendChild(root);
  // Offers with a request in flight: their buttons stay disabled until it ends.
  const busy = new Set();
  let ticker = null;

  function visitorOf(offer) {
    return offer.thread?.user?.nickname || offer.thread?.topic || offer.threadUid;
  }

  function countdown(offer) {
    return h('span', { className: 'offer__countdown', dataset: { expiresAt: offer.expiresAt } },
      t('offer.secondsLeft', { seconds: secondsLeft(offer, now()) }));
  }

  function act(offer, run) {
    busy.add(offer.uid);
    render();
    run(offer).catch((err) => report(t('offer.failed', { reason: reasonOf(err, t) })))
      .finally(() => { busy.delete(offer.uid); render(); });
  }

  function button(label, kind, offer, run) {
    return h('button', {
      className: `button${kind ? ` button--${kind}` : ''}`, type: 'button', disabled: busy.has(offer.uid),
      on: { click: () => act(offer, run) },
    }, label);
  }

  function incomingCard(offer) {
    return h('article', { className: 'offer offer--incoming', dataset: { offer: offer.uid } },
      h('p', { className: 'offer__title' }, t('offer.incoming', { name: offer.from?.nickname ?? '', visitor: visitorOf(offer) })),
      offer.thread?.topic ? h('p', { className: 'offer__topic' }, offer.thread.topic) : null,
      h('div', { className: 'offer__actions' },
        countdown(offer),
        button(t('offer.decline'), null, offer, decline),
        button(t('offer.accept'), 'primary', offer, accept)));
  }

  function outgoingCard(offer) {
    return h('article', { className: 'offer offer--outgoing', dataset: { offer: offer.uid } },
      h('p', { className: 'offer__title' }, t('offer.outgoing', { name: offer.to?.nickname ?? '', visitor: visitorOf(offer) })),
      h('div', { className: 'offer__actions' },
        countdown(offer),
        button(t('offer.cancel'), null, offer, cancel)));
  }

  function render() {
    const cards = [...book.incoming().map(incomingCard), ...book.outgoing().map(outgoingCard)];
    setChildren(root, cards);
    root.hidden = cards.length === 0;
    if (cards.length && ticker === null) ticker = every(tick, 1000);
    if (!cards.length && ticker !== null) { stop(ticker); ticker = null; }
  }

  // Only the numbers change between redraws.
  function tick() {
    for (const el of root.querySelectorAll('.offer__countdown')) {
      el.textContent = t('offer.secondsLeft', { seconds: secondsLeft({ expiresAt: Number(el.dataset.expiresAt) }, now()) });
    }
  }

  book.subscribe(() => render());
  i18n.onChange(() => {
    root.setAttribute('aria-label', t('offer.region'));
    render();
  });
  render();
  return Object.freeze({ render });
}
