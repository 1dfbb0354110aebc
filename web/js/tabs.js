// A row of tabs over panels that are hidden, never rebuilt, so each keeps its state (a chart's zoom, a table's
// scroll). Keyboard as the WAI-ARIA tabs pattern: arrows move, Home and End jump, the chosen tab alone is in the tab
// order. Used for the detail views under each bench, and by the modes (one run, compare, sweep).

export class Tabs {
  /**
   * `root` holds [role=tab] buttons with aria-controls, each named by its `data-<attribute>`; `onChange(id)` fires
   * when the learner picks one.
   */
  constructor(root, { onChange = () => {}, attribute = 'detail' } = {}) {
    this.tabs = [...root.querySelectorAll('[role="tab"]')];
    this.onChange = onChange;
    this.id = (tab) => tab.dataset[attribute];
    for (const tab of this.tabs) {
      tab.addEventListener('click', () => this.choose(this.id(tab), true));
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
    this.choose(this.id(target), true);
  }

  /** Shows one panel; false when no tab has this id. */
  choose(id, byLearner = false) {
    if (!this.has(id)) return false;
    for (const tab of this.tabs) {
      const selected = this.id(tab) === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    }
    if (byLearner) this.onChange(id);
    return true;
  }

  /** Whether this row has a tab with this id. */
  has(id) {
    return this.tabs.some((t) => this.id(t) === id);
  }
}
