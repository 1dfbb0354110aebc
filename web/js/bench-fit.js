// Fits the bench of the tab on screen to the window: the curves, the picture of what the model sees and the sparsity
// readout fill what is left below the header, the transport bar and the lesson's hints, so none of them needs a
// scroll. Below the breakpoint where the bench stacks (a phone), its parts keep their own heights instead.

import { followFrameSize } from './compact-embed.js';

const MIN_HEIGHT = 420;
/** A compact embed's card (compact-embed.js) fits a small frame: its bench may be this short. */
const COMPACT_MIN_HEIGHT = 220;
const MARGIN = 10;

export class BenchFit {
  /** `stacked` is a media query under which the bench is one column (the stylesheet's breakpoint). */
  constructor(root, { stacked = '(max-width: 860px)' } = {}) {
    this.root = root;
    this.stacked = window.matchMedia(stacked);
    this.observer = new ResizeObserver(() => this.fit());
    for (const element of root.querySelectorAll('.top, .control-bar, #scrubber, #banner, #first-run, #watch, .compare-bar, .sweep-bar')) {
      this.observer.observe(element);
    }
    window.addEventListener('resize', () => this.fit());
    this.stacked.addEventListener('change', () => this.fit());
    followFrameSize(() => this.fit());
    this.fit();
  }

  /** Sets --bench-height from the top of the bench on screen (measured with the page scrolled to its top). */
  fit() {
    const bench = [...this.root.querySelectorAll('.bench')].find((b) => b.offsetParent !== null);
    const compact = this.root.body.classList.contains('compact');
    if (!bench || (this.stacked.matches && !compact)) {
      this.root.documentElement.style.removeProperty('--bench-height');
      return;
    }
    const top = bench.getBoundingClientRect().top + window.scrollY;
    const height = Math.max(compact ? COMPACT_MIN_HEIGHT : MIN_HEIGHT, Math.floor(window.innerHeight - top - MARGIN));
    this.root.documentElement.style.setProperty('--bench-height', `${height}px`);
  }
}
