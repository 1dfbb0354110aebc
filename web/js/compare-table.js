// The numbers an A/B claim is judged by, for each run: best validation loss and its epoch, validation accuracy at
// that epoch, the gap now, exact zeros; where sparsity is the point (L1 on, a lesson about it) near zeros (with the ε
// used), the non-zero count, the units and inputs cut and the sparse copy's size; elsewhere the weights' ‖w‖₂.
// Over several seeds each number is the median over the seeds with its range (min–max) beneath it; the pictures'
// counts (units, inputs, sparse copy) are the viewed seed's. What the numbers say is the server's (verdict-list.js).

import { bestEpoch } from './best-epoch.js';
import { bytes, count, loss, percent, short, signed, titled as showExact } from './format.js';
import { inputsText } from './sparsity.js';
import { spread } from './seed-spread.js';

const hiddenUnits = (report) => (report?.layers ?? []).slice(0, -1).reduce((sum, layer) => sum + layer.fanOut, 0);

/**
 * id, label, the value shown for one seed (from {latest, best, report}), and for the rows that have one, the number
 * behind it and its format: those rows show median and range over the seeds.
 */
const ROWS = [
  ['epoch', 'epoch', ({ latest }) => (latest ? String(latest.epoch) : '–')],
  ['best', 'best val. loss (epoch)', ({ best }) => (best ? `${loss(best.validationLoss)} (${best.epoch})` : '–'),
    ({ best }) => best?.validationLoss, loss],
  ['best-accuracy', 'val. accuracy at best', ({ best }) => percent(best?.validationAccuracy),
    ({ best }) => best?.validationAccuracy, percent],
  ['gap', 'gap now (val − train)', ({ latest }) => signed(latest?.gap), ({ latest }) => latest?.gap, signed],
  ['exactly', 'weights exactly 0', ({ latest }) => (latest?.zeroFraction == null ? '–'
    : `${percent(latest.zeroFraction)} (${count(latest.weightCount - latest.nonZeroCount)})`),
  ({ latest }) => latest?.zeroFraction, percent],
  ['near', 'near 0: |w| < ε', ({ latest }) => (latest?.nearZeroFraction == null ? '–'
    : `${percent(latest.nearZeroFraction)} (ε ${short(latest.nearZeroThreshold)})`),
  ({ latest }) => latest?.nearZeroFraction, percent],
  ['nonzero', 'non-zero (L0)', ({ latest }) => count(latest?.nonZeroCount), ({ latest }) => latest?.nonZeroCount, count],
  ['units', 'hidden units cut off', ({ latest, report }) => (hiddenUnits(report) ? `${count(latest?.cutUnits)} of ${count(hiddenUnits(report))}` : 'no hidden layer')],
  ['inputs', 'inputs cut', ({ report }) => inputsText(report?.inputs, { brief: true }) || '–'],
  ['sparse', 'sparse copy / dense', ({ latest }) => (latest?.sparseBytes == null ? '–'
    : `${bytes(latest.sparseBytes)} (${percent(latest.sparseBytes / latest.denseBytes, 0)})`)],
  ['norm', '‖w‖₂ now', ({ latest }) => short(latest?.l2Norm), ({ latest }) => latest?.l2Norm, short],
];

/** Rows that count sparsity: said only where it can be the point (L1 in a run, a lesson about sparsity). */
const SPARSITY_ROWS = new Set(['near', 'nonzero', 'units', 'inputs', 'sparse']);
/** The weights' size stands in for them elsewhere. */
const DENSE_ROWS = new Set(['norm']);

function cell(tag, text, testId) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (testId) element.dataset.testid = testId;
  return element;
}

/** "0.412" over "0.398 – 0.431": the median, and the range beneath it in smaller type. */
function spreadCell(values, format, testId) {
  const numbers = spread(values);
  const td = cell('td', '', testId);
  showExact(td, numbers ? format(numbers.median) : '–', numbers?.median);
  if (numbers) {
    const range = document.createElement('small');
    range.className = 'seed-range';
    range.textContent = `${format(numbers.min)} – ${format(numbers.max)}`;
    td.append(range);
  }
  return td;
}

export class CompareTable {
  constructor(table) {
    this.table = table;
  }

  /**
   * runs: {a, b}, each {history, latest, report, seeds: SeedHistories}; statusOf(id) says how each run stands; `sparse`:
   * whether the sparsity rows are shown (else ‖w‖₂).
   */
  render(runs, statusOf, { sparse = true } = {}) {
    const numbers = {};
    const perSeed = {};
    for (const id of ['a', 'b']) {
      numbers[id] = { best: bestEpoch(runs[id].history), latest: runs[id].latest, report: runs[id].report };
      const seeds = runs[id].seeds;
      perSeed[id] = seeds?.count > 1 ? seeds.histories.map((history) => ({ best: bestEpoch(history),
        latest: history[history.length - 1] ?? null })) : null;
    }
    const many = perSeed.a != null;
    const head = document.createElement('tr');
    const titled = (id, title) => {
      const th = cell('th', title);
      th.className = `run-${id}`;
      return th;
    };
    head.append(cell('th', ''), titled('a', 'Run A'), titled('b', 'Run B'));
    const status = document.createElement('tr');
    status.append(cell('th', 'status'), cell('td', statusOf('a'), 'cmp-a-status'), cell('td', statusOf('b'), 'cmp-b-status'));
    const shownRows = ROWS.filter(([id]) => (sparse ? !DENSE_ROWS.has(id) : !SPARSITY_ROWS.has(id)));
    const rows = shownRows.map(([id, label, show, value, format]) => {
      const row = document.createElement('tr');
      row.dataset.row = id;
      if (id === 'exactly') row.dataset.testid = 'zero-fraction';
      const one = (run) => {
        const td = cell('td', '', `cmp-${run}-${id}`);
        showExact(td, show(numbers[run]), value?.(numbers[run]));
        return td;
      };
      const shown = (run) => (many && value && perSeed[run] ? spreadCell(perSeed[run].map(value), format, `cmp-${run}-${id}`)
        : one(run));
      const title = !many ? label : value ? label.replace(' (epoch)', '') : `${label} (seed shown)`;
      row.append(cell('th', title), shown('a'), shown('b'));
      return row;
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(status, ...rows);
    const caption = document.createElement('caption');
    caption.textContent = many ? `Medians over ${perSeed.a.length} seeds, the range (min – max) beneath each.` : '';
    this.table.replaceChildren(...(many ? [caption] : []), thead, tbody);
    this.table.dataset.seeds = String(many ? perSeed.a.length : 1);
  }
}
