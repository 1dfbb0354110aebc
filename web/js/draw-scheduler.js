// Drawing at most once per animation frame, however many frames the server sends: a burst of epochs becomes one
// redraw. Hidden tabs and background iframes get no animation frames, so a timer draws there instead.

const FALLBACK_MS = 250;

export class DrawScheduler {
  /** `draw()` redraws whatever is on screen. */
  constructor(draw) {
    this.draw = draw;
    this.queued = false;
  }

  schedule() {
    if (this.queued) return;
    this.queued = true;
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      this.queued = false;
      this.draw();
    };
    requestAnimationFrame(go);
    setTimeout(go, FALLBACK_MS);
  }
}
