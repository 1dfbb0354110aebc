// The page's address bar: reads the shareable state from the URL when the page loads, writes it back on every
// change (replaceState, so the back button is not flooded), and keeps the embed page's "open full page" link in step.

import { parseQuery, toQuery } from './state.js';

/** Names hide= accepts besides settings and groups: parts of the page. */
const PAGE_PARTS = {
  settings: '#controls', transport: '.transport', lesson: '.lesson-picker', share: '.share', metrics: '.metrics',
  curves: '#curves', objective: '#objective', 'data-view': '#data-view', sparsity: '#sparsity', weights: '#weights',
  init: '#init', network: '#network', watch: '#watch', modes: '.modes', downloads: '.downloads',
};

export class Address {
  constructor(controls, openFull) {
    this.controls = controls;
    this.openFull = openFull;
  }

  /** {values, page, unknown} from the current URL. */
  read() {
    return parseQuery(window.location.search, this.controls.kinds());
  }

  /** Writes the controls and the page keys (speed, preset, compare, sweep...) into the URL. */
  write(page) {
    const query = toQuery(this.controls.values(), this.controls.defaults(), page);
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    window.history.replaceState(null, '', url);
    this.updateOpenFull();
  }

  /** The embed page links to the full page with the same state, minus the embed-only keys. */
  updateOpenFull() {
    const params = new URLSearchParams(window.location.search);
    params.delete('embed');
    params.delete('hide');
    const query = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
    this.openFull.href = `./${query ? `?${query}` : ''}`;
  }

  /** Hides settings, groups, or parts of the page by name (the URL's hide=). */
  hide(names) {
    this.controls.hide(names);
    for (const name of names) {
      const selector = PAGE_PARTS[name.toLowerCase()];
      if (selector) document.querySelectorAll(selector).forEach((el) => el.classList.add('hidden-by-url'));
    }
  }
}
