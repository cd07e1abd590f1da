// Tells the agent about a new visitor when the console is not in view: a
// desktop notification where the browser allows it (a cross-origin iframe
// usually does not) and a short beep made with Web Audio, so no sound file is
// fetched.

export function createNotifier({ window: win = globalThis.window, i18n }) {
  const { t } = i18n;
  let audio = null;

  function supported() {
    return typeof win?.Notification === 'function';
  }

  function permission() {
    try {
      return supported() ? win.Notification.permission : 'denied';
    } catch {
      return 'denied';
    }
  }

  /** Must run inside a click: browsers ignore permission requests without a user gesture. */
  async function requestPermission() {
    if (!supported()) return 'denied';
    try {
      return await win.Notification.requestPermission();
    } catch {
      return 'denied';
    }
  }

  // Browsers start an AudioContext suspended until the user interacts; the
  // console calls this from its first pointer or key event.
  function unlockAudio() {
    const context = audioContext();
    if (context?.state === 'suspended') context.resume().catch(() => {});
  }

  function audioContext() {
    if (audio) return audio;
    const Context = win?.AudioContext || win?.webkitAudioContext;
    if (!Context) return null;
    try {
      audio = new Context();
    } catch {
      audio = null;
    }
    return audio;
  }

  function beep() {
    // Only a context unlocked by a user gesture may play; creating one here
    // would just make the browser log an autoplay warning.
    const context = audio;
    if (!context || context.state !== 'running') return;
    try {
      const start = context.currentTime;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(880, start);
      oscillator.frequency.setValueAtTime(1320, start + 0.12);
      // A quick fade in and out avoids the click of a hard edge.
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.32);
    } catch {
      // sound is a nicety
    }
  }

  function newVisitor(thread) {
    beep();
    const doc = win?.document;
    if (permission() !== 'granted' || (doc && !doc.hidden && doc.hasFocus?.())) return;
    try {
      const note = new win.Notification(t('notify.newVisitor', { name: thread?.user?.nickname || '' }), {
        body: thread?.topic || thread?.content || '',
        tag: `thread-${thread?.uid}`,
      });
      note.onclick = () => {
        try { win.focus(); } catch { /* ignore */ }
        note.close();
      };
    } catch {
      // Chrome on Android only shows notifications through a service worker.
    }
  }

  return Object.freeze({
    newVisitor,
    beep,
    unlockAudio,
    requestPermission,
    get canAsk() { return permission() === 'default'; },
  });
}
