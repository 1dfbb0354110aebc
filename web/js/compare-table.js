// The numbers an A/B claim is judged by, for each run: best validation loss and its epoch, validation accuracy at
// that epoch, the gap now, exact and near zeros (with the ε used), the non-zero count, the units and inputs cut,
// and under the table what those numbers say (claims.js): which run generalizes better, a narrower gap that is
// underfitting, overconfidence.

import { compare, summarize } from './claims.js';
import { bytes, count, loss, percent, short, signed } from './format.js';
import { inputsText } from './sparsity.js';

const hiddenUnits = (report) => (report?.layers ?? []).slice(0, -1).reduce((sum, layer) => sum + layer.fanOut, 0);

/** id, label, and the value shown (from {latest, best, report}). */
const ROWS = [
  ['epoch', 'epoch', ({ latest }) => (latest ? String(latest.epoch) : '–')],
  ['best', 'best val. loss (epoch)', ({ best }) => (best ? `${loss(best.validationLoss)} (${best.epoch})` : '–')],
  ['best-accuracy', 'val. accuracy at best', ({ best }) => percent(best?.validationAccuracy)],
  ['gap', 'gap now (val − train)', ({ latest }) => signed(latest?.gap)],
  ['exactly', 'weights exactly 0', ({ latest }) => (latest?.zeroFraction == null ? '–'
    : `${percent(latest.zeroFraction)} (${count(latest.weightCount - latest.nonZeroCount)})`)],
  ['near', 'near 0: |w| < ε', ({ latest }) => (latest?.nearZeroFraction == null ? '–'
    : `${percent(latest.nearZeroFraction)} (ε ${short(latest.nearZeroThreshold)})`)],
  ['nonzero', 'non-zero (L0)', ({ latest }) => count(latest?.nonZeroCount)],
  ['units', 'hidden units cut off', ({ latest, report }) => (hiddenUnits(report) ? `${count(latest?.cutUnits)} of ${count(hiddenUnits(report))}` : 'no hidden layer')],
  ['inputs', 'inputs cut', ({ report }) => inputsText(report?.inputs, { brief: true }) || '–'],
  ['sparse', 'sparse copy / dense', ({ latest }) => (latest?.sparseBytes == null ? '–'
    : `${bytes(latest.sparseBytes)} (${percent(latest.sparseBytes / latest.denseBytes, 0)})`)],
];

function cell(tag, text, testId) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (testId) element.dataset.testid = testId;
  return element;
}

export class CompareTable {
  constructor(table, verdict) {
    this.table = table;
    this.verdict = verdict;
  }

  /** runs: {a, b}, each {history, latest, report}; statusOf(id) says how each run stands. */
  render(runs, statusOf, ended) {
    const numbers = {};
    for (const id of ['a', 'b']) {
      numbers[id] = { ...summarize(runs[id].history, runs[id].latest), report: runs[id].report,
        stoppedEarly: statusOf(id) === 'early-stopped' };
    }
    const head = document.createElement('tr');
    const titled = (id, title) => {
      const th = cell('th', title);
      th.className = `run-${id}`;
      return th;
    };
    head.append(cell('th', ''), titled('a', 'Run A'), titled('b', 'Run B'));
    const status = document.createElement('tr');
    status.append(cell('th', 'status'), cell('td', statusOf('a'), 'cmp-a-status'), cell('td', statusOf('b'), 'cmp-b-status'));
    const rows = ROWS.map(([id, label, show]) => {
      const row = document.createElement('tr');
      row.dataset.row = id;
      if (id === 'exactly') row.dataset.testid = 'zero-fraction';
      row.append(cell('th', label), cell('td', show(numbers.a), `cmp-a-${id}`), cell('td', show(numbers.b), `cmp-b-${id}`));
      return row;
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(status, ...rows);
    this.table.replaceChildren(thead, tbody);

    const lines = numbers.a.latest && numbers.b.latest && numbers.a.latest.epoch >= 1 ? compare(numbers.a, numbers.b) : [];
    const items = lines.map((line, i) => {
      const p = document.createElement('p');
      p.textContent = i === 0 && !ended ? `So far: ${line}` : line;
      return p;
    });
    this.verdict.replaceChildren(...items);
  }
}
