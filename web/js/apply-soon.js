// What an edit of a setting that cannot change a run live does. In a single run it applies at once, as TensorFlow
// Playground does: the data is drawn again, and the run restarts with it if it was playing (a paused or finished run
// shows the new data at epoch 0). A comparison or a sweep keeps "waiting for Reset": its runs must share one start,
// and the page says so. The first edit applies at once; edits that follow it within a moment (a drag, a typed
// number) wait until they settle, so they make one more start, not one per keystroke.

const SETTLE_MS = 250;
/** States in which the server's run is not training, so a preview of the new settings replaces nothing running. */
const AT_REST = ['ready', 'finished', 'early-stopped', 'diverged', 'stopped', 'error'];

export class ApplySoon {
  /** `mode()` the tab on screen; `preview()` shows the settings at epoch 0; `restart()` starts them at once. */
  constructor({ session, mode, preview, restart }) {
    Object.assign(this, { session, mode, preview, restart });
    this.timer = null;
    this.lastEdit = -Infinity;   // performance.now() of the last edit
  }

  schedule() {
    clearTimeout(this.timer);
    const session = this.session;
    let apply = null;
    if (this.mode() === 'run' && session.onScreen() && !session.previewing) {
      apply = () => (session.status === 'running' ? this.restart() : this.preview());
    } else if (!session.exists || session.previewing || AT_REST.includes(session.status)) {
      apply = this.preview;
    }
    if (!apply) return;
    const now = performance.now();
    const settling = now - this.lastEdit < SETTLE_MS;
    this.lastEdit = now;
    if (settling) this.timer = setTimeout(apply, SETTLE_MS);
    else apply();
  }

  /** A Start (or a preview) made now: the edit's pending preview must not replace the run it starts. */
  cancel() {
    clearTimeout(this.timer);
  }
}

/** Why edits wait for Reset in a tab, or '' where they apply at once. */
export function whyReset(mode) {
  if (mode === 'compare') return ' (a comparison’s two runs restart together, from one start)';
  if (mode === 'sweep') return ' (every run of a sweep restarts together, on the same data)';
  return '';
}
