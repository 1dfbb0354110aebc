// The tabs that choose what Start trains: one run, an A/B comparison, or a sweep of one setting. Keyboard as the
// WAI-ARIA tabs pattern: arrows move between tabs, Home and End jump, the chosen tab alone is in the tab order.

export class Modes {
  constructor(root, { onChange }) {
    this.tabs = [...root.querySelectorAll('[role="tab"]')];
    this.onChange = onChange;
    this.mode = 'run';
    for (const tab of this.tabs) {
      tab.addEventListener('click', () => this.choose(tab.dataset.mode, true));
      tab.addEventListener('keydown', (event) => this.key(event, tab));
    }
  }

  key(event, tab) {
    const i = this.tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: this.tabs.length - 1 }[event.key];
    if (next == null) return;
    event.preventDefault();
    const target = this.tabs[(next + this.tabs.length) % this.tabs.length];
    target.focus();
    this.choose(target.dataset.mode, true);
  }

  /** Shows one mode's panel; `byLearner` tells the page to react (a restore from the URL does not). */
  choose(mode, byLearner = false) {
    if (!this.tabs.some((t) => t.dataset.mode === mode)) return;
    const changed = mode !== this.mode;
    this.mode = mode;
    for (const tab of this.tabs) {
      const selected = tab.dataset.mode === mode;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    }
    document.body.dataset.mode = mode;
    if (byLearner && changed) this.onChange(mode);
  }
}
