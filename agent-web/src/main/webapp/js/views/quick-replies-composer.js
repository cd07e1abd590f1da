// Quick replies in the console: the "/" suggestions on the composer and the
// button that opens their management dialog, put onto the composer the
// conversation view hands over.

import { createQuickReplyPicker } from './quick-reply-picker.js';
import { createQuickReplyManager } from './quick-reply-manager.js';

export function attachQuickReplies({ book, i18n, maxLength, notify }) {
  const manager = createQuickReplyManager({ book, i18n, maxLength });
  return function decorateComposer({ textarea, form, bar }) {
    createQuickReplyPicker({
      textarea,
      container: form,
      book,
      i18n,
      maxLength,
      onTooLong: () => notify?.(i18n.t('quick.tooLong')),
    });
    bar.prepend(manager.button);
  };
}
