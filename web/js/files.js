// The "take it away" buttons: what is on screen as CSV and JSON (built in the browser from every epoch the page
// received, with the config and seed that made it), and the trained weights as the server exports them. Each chart's
// own PNG button is wired here too. What to save comes from the view of the current mode.

import { saveCsv, saveJson, wirePngButtons } from './downloads.js';

export class Files {
  /**
   * `current()` gives the current mode's {stem, epoch, has, rows(), json(), csvLabel, weights}; `onWeights()` asks the
   * server for the weights, which arrive later through `model(message)`.
   */
  constructor(root, { current, onWeights }) {
    this.current = current;
    this.csv = root.querySelector('[data-download="csv"]');
    this.json = root.querySelector('[data-download="json"]');
    this.weights = root.querySelector('[data-download="weights"]');
    this.csv.addEventListener('click', () => {
      const c = this.current();
      saveCsv(c.rows(), `${this.name(c)}-${c.csvLabel === 'Table CSV' ? 'table' : 'metrics'}.csv`);
    });
    this.json.addEventListener('click', () => {
      const c = this.current();
      saveJson(c.json(), `${this.name(c)}-metrics.json`);
    });
    this.weights.addEventListener('click', () => onWeights());
    wirePngButtons(document, (id) => `${this.name(this.current())}-${id.replace(/-chart$/, '')}.png`);
  }

  /** File names say what ran and how far: gaplab-overfitting-l2-0.01-epoch-300. */
  name(c) {
    return c.epoch == null || c.epoch < 0 ? c.stem : `${c.stem}-epoch-${c.epoch}`;
  }

  /** Files can be saved once there is something to save; weights only while the server holds a model to export. */
  refresh(status, exists) {
    const c = this.current();
    const has = c.has;
    this.csv.disabled = !has;
    this.json.disabled = !has;
    this.csv.textContent = c.csvLabel;
    this.weights.hidden = !c.weights;
    this.weights.disabled = !exists || status === 'running';
    this.weights.title = status === 'running' ? 'Pause or let the run end first, so the weights hold still'
      : exists ? 'The trained weights, with the config and seed that made them' : 'Start a run first';
  }

  /** The server's `model` message: each export saved as it came, so `train --config` can read it back. */
  model(message) {
    const { stem } = this.current();
    if (message.kind === 'comparison') {
      saveJson(message.a, `${stem}-A-epoch-${message.a.epoch}-weights.json`);
      saveJson(message.b, `${stem}-B-epoch-${message.b.epoch}-weights.json`);
    } else if (message.model) {
      saveJson(message.model, `${stem}-epoch-${message.model.epoch}-weights.json`);
    }
  }
}
