// The "take it away" buttons of one run: its metrics as CSV and JSON (every epoch's scalars the page received, with
// the config and seed that made them), each chart as a PNG, and the trained weights as the server exports them.

import { saveCsv, saveJson, wirePngButtons } from './downloads.js';

export class RunFiles {
  /**
   * `source()` gives {stem, config, dataset, epochs, end, updates} of what is on screen now; `onWeights()` asks the
   * server for the weights, which arrive later through `model(message)`.
   */
  constructor(root, { source, onWeights }) {
    this.source = source;
    this.csv = root.querySelector('[data-download="csv"]');
    this.json = root.querySelector('[data-download="json"]');
    this.weights = root.querySelector('[data-download="weights"]');
    this.csv.addEventListener('click', () => this.saveCsv());
    this.json.addEventListener('click', () => this.saveJson());
    this.weights.addEventListener('click', () => onWeights());
    wirePngButtons(document, (id) => `${this.name()}-${id.replace(/-chart$/, '')}.png`);
    this.setStatus('ready', false);
  }

  /** Files can be saved once there is something to save; the weights only while the server still holds the run. */
  setStatus(status, runExists) {
    const has = this.source().epochs.length > 0;
    this.csv.disabled = !has;
    this.json.disabled = !has;
    this.weights.disabled = !runExists || status === 'running';
    this.weights.title = status === 'running' ? 'Pause or let the run end first, so the weights hold still'
      : runExists ? 'The trained weights, with the config and seed that made them' : 'Start a run first';
  }

  /** File names say what ran and how far: gaplab-overfitting-l2-0.01-epoch-300. */
  name() {
    const { stem, epochs } = this.source();
    const last = epochs[epochs.length - 1]?.epoch;
    return last == null ? stem : `${stem}-epoch-${last}`;
  }

  saveCsv() {
    const { epochs } = this.source();
    saveCsv(epochs, `${this.name()}-metrics.csv`);
  }

  saveJson() {
    const { config, dataset, epochs, end, updates } = this.source();
    saveJson({
      format: 'gaplab-metrics',
      version: 1,
      seed: config?.seed ?? null,
      config,
      updates,
      dataset,
      end,
      epochs,
    }, `${this.name()}-metrics.json`);
  }

  /** The server's `model` message: the weights, config and seed, saved as they came. */
  model(message) {
    const { type: _type, ...weights } = message;
    saveJson(weights, `${this.source().stem}-epoch-${message.epoch}-weights.json`);
  }
}
