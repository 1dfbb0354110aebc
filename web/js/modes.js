// The tabs that choose what Start trains: one run, an A/B comparison, or a sweep of one setting (tabs.js does the
// keyboard and the panels); the page's body carries the mode for the stylesheet.

import { Tabs } from './tabs.js';

export class Modes {
  constructor(root, { onChange }) {
    this.mode = 'run';
    this.onChange = onChange;
    this.tabs = new Tabs(root, { attribute: 'mode', onChange: (mode) => this.choose(mode, true) });
  }

  /** Shows one mode's panel; `byLearner` tells the page to react (a restore from the URL does not). */
  choose(mode, byLearner = false) {
    if (!this.tabs.has(mode)) return;
    const changed = mode !== this.mode;
    this.mode = mode;
    this.tabs.choose(mode);
    document.body.dataset.mode = mode;
    if (byLearner && changed) this.onChange(mode);
  }
}
