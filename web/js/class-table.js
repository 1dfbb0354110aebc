// The table of a class's learners: who, which value and seed, how far their run is, and its numbers at its best epoch
// (validation decides; test is listed and never used to pick). The page's own learner is marked. The columns are the
// heading row the server rendered (ClassPanel.table); this fills the rows, text only.

import { loss, percent, plain } from './format.js';

/** One cell's text: the point's number under `key` (a column ClassPanel.table renders), formatted by its kind. */
function text(point, key, category) {
  const value = point[key];
  if (key === 'value') return category ? String(value) : plain(value);
  if (key === 'status') return point.left ? 'left (stopped)' : value;
  if (Array.isArray(value)) return value.join(', ') || '–';
  if (value == null) return '–';
  if (key.endsWith('Loss')) return loss(value);
  if (key.endsWith('Accuracy')) return percent(value);
  return String(value);
}

export class ClassTable {
  constructor(table) {
    this.table = table;
    this.own = null;
  }

  setOwn(learner) {
    this.own = learner;
  }

  /** Fills the table's rows from a `class` message's points, in value order, then join order, under its heading. */
  show(message) {
    const category = message.axis === 'category';
    const columns = [...this.table.tHead.rows[0].cells].map((th) => th.dataset.column);
    const points = [...(message.points ?? [])].sort((a, b) => a.index - b.index || a.learner - b.learner);
    const rows = points.map((point) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'class-row';
      row.dataset.learner = String(point.learner);
      if (point.learner === this.own) row.classList.add('own');
      columns.forEach((key, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = text(point, key, category);
        row.append(cell);
      });
      return row;
    });
    this.table.tBodies[0].replaceChildren(...rows);
  }
}

/** The class's results as rows for a CSV file: one per learner, every number at their best epoch. */
export function resultRows(message) {
  return [...(message.points ?? [])].sort((a, b) => a.index - b.index || a.learner - b.learner).map((p) => ({
    learner: p.learner, nickname: p.nickname, param: message.param, value: p.value, seed: p.seed,
    status: p.left ? 'left' : p.status, epoch: p.epoch, bestEpoch: p.bestEpoch, trainLoss: p.trainLoss,
    validationLoss: p.validationLoss, testLoss: p.testLoss, trainAccuracy: p.trainAccuracy,
    validationAccuracy: p.validationAccuracy, testAccuracy: p.testAccuracy, ownSettings: (p.changed ?? []).join(' '),
  }));
}
