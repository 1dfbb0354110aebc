// The table of a class's learners: who, which value and seed, how far their run is, and its numbers at its best epoch
// (validation decides; test is listed and never used to pick). The page's own learner is marked. Text only.

import { loss, percent, plain } from './format.js';

const TITLES = ['Learner', 'Value', 'Seed', 'Status', 'Epoch', 'Best epoch', 'Train loss', 'Validation loss',
  'Train acc.', 'Validation acc.', 'Own settings'];

/** The row of one point of a `class` message, as text. */
function cells(point, category) {
  const value = category ? String(point.value) : plain(point.value);
  return [point.nickname, value, String(point.seed), point.left ? 'left (stopped)' : point.status, String(point.epoch),
    point.bestEpoch == null ? '–' : String(point.bestEpoch), loss(point.trainLoss), loss(point.validationLoss),
    percent(point.trainAccuracy), percent(point.validationAccuracy), (point.changed ?? []).join(', ') || '–'];
}

export class ClassTable {
  constructor(table) {
    this.table = table;
    this.own = null;
  }

  setOwn(learner) {
    this.own = learner;
  }

  /** Fills the table from a `class` message's points, in value order, then join order. */
  show(message) {
    const category = message.axis === 'category';
    const points = [...(message.points ?? [])].sort((a, b) => a.index - b.index || a.learner - b.learner);
    const head = document.createElement('tr');
    for (const title of TITLES) {
      const th = document.createElement('th');
      th.textContent = title;
      th.scope = 'col';
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const body = document.createElement('tbody');
    for (const point of points) {
      const row = document.createElement('tr');
      row.dataset.testid = 'class-row';
      row.dataset.learner = String(point.learner);
      if (point.learner === this.own) row.classList.add('own');
      cells(point, category).forEach((text, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = text;
        row.append(cell);
      });
      body.append(row);
    }
    this.table.replaceChildren(thead, body);
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
