// The page's address bar: reads the shareable state from the URL when the page loads, writes it back on every
// change (replaceState, so the back button is not flooded), keeps the embed page's "open full page" link in step,
// and applies show= and hide= (which parts of the page an embed or a projector shows).

import { parseQuery, toQuery } from './state.js';

/**
 * Names show= and hide= accept besides settings and setting groups: parts of the page. The cards are the bench's
 * three and the detail views; show= hides every card it does not name.
 */
const PARTS = {
  settings: '#controls', transport: '.transport', lesson: '.lesson-picker', share: '.share', modes: '.modes',
  downloads: '.downloads', watch: '#watch', metrics: '.metrics', curves: '.bench-curves', 'model-view': '.bench-model',
  'data-view': '.bench-model', sparsity: '.bench-sparsity', details: '.details',
  calibration: '#detail-calibration', mistakes: '#detail-mistakes', network: '#detail-network',
  weights: '#detail-weights', init: '#detail-init', objective: '#detail-objective', 'data-extra': '#detail-data-extra',
  'compare-setup': '#detail-compare-setup', 'compare-weights': '#detail-compare-weights',
  'compare-init': '#detail-compare-init', 'compare-calibration': '#detail-compare-calibration',
  'sweep-runs': '#detail-sweep-runs',
};
const CARDS = ['settings', 'watch', 'metrics', 'curves', 'model-view', 'sparsity', 'details'];
const DETAILS = ['calibration', 'mistakes', 'network', 'weights', 'init', 'objective', 'data-extra', 'compare-setup', 'compare-weights',
  'compare-init', 'compare-calibration', 'sweep-runs'];

export class Address {
  constructor(controls, openFull) {
    this.controls = controls;
    this.openFull = openFull;
  }

  /** One sentence naming every problem of a link: keys nobody knows and refused values; null when there is none. */
  static problems(unknown, refused) {
    const all = [...(unknown.length ? [`unknown URL keys: ${unknown.join(', ')}`] : []), ...refused.map((r) => r.message)];
    if (!all.length) return null;
    return `This link has ${all.length === 1 ? 'a problem' : `${all.length} problems`}: ${all.join('; ')}.`;
  }

  /** {values, page, unknown} from the current URL. */
  read() {
    return parseQuery(window.location.search, this.controls.kinds(), this.controls.nested());
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
    for (const key of ['embed', 'hide', 'show', 'autostart']) params.delete(key);
    const query = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
    this.openFull.href = `./${query ? `?${query}` : ''}`;
  }

  /** Hides settings, groups, or parts of the page by name (the URL's hide=). Returns the names nobody knows. */
  hide(names) {
    this.controls.hide(names);
    const unknown = [];
    for (const name of names) {
      const selector = PARTS[name.toLowerCase()];
      if (selector) document.querySelectorAll(selector).forEach((el) => el.classList.add('hidden-by-url'));
      else if (!this.controls.knows(name)) unknown.push(name);
    }
    return unknown;
  }

  /**
   * Shows only the cards named (the URL's show=): every other card is hidden; a detail view named opens its tab.
   * Returns {unknown, details}: names nobody knows, and the detail tabs to open.
   */
  show(names) {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const details = DETAILS.filter((d) => wanted.has(d));
    if (details.length) wanted.add('details');
    const hidden = CARDS.filter((card) => !wanted.has(card) && !(card === 'model-view' && wanted.has('data-view')));
    for (const card of hidden) document.querySelectorAll(PARTS[card]).forEach((el) => el.classList.add('hidden-by-url'));
    return { unknown: names.filter((n) => !PARTS[n.toLowerCase()]), details };
  }
}
