// The table of a class's learners: who, which value and seed, how far their run is, and its numbers at its best epoch
// (validation decides; test is listed and never used to pick). The page's own learner is marked. The columns are the
// heading row the server rendered (ClassPanel.table); this fills the rows, text only.

import { loss, percent, short } from './format.js';

/** One cell's text: the point's number under `key` (a column ClassPanel.table renders), formatted by its kind. */
function text(point, key, category) {
  const value = point[key];
  if (key === 'value') return category ? String(value) : short(value);   // the exact value is in the exports
  if (key === 'status') return point.left ? 'left (stopped)' : value;
  if (key === 'nickname' && point.duplicate) return `${value} (same name twice)`;
  if (Array.isArray(value)) return value.join(', ') || '–';
  if (value == null) return '–';
  if (key.endsWith('Loss')) return loss(value);
  if (key.endsWith('Accuracy')) return percent(value);
  return String(value);
}

export class ClassTable {
  /** `onLearner(learner, action, nickname)`, on the teacher's page only: rename or remove a learner (its column). */
  constructor(table, { onLearner = null } = {}) {
    this.table = table;
    this.own = null;
    this.onLearner = onLearner;
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
        if (key === 'actions') cell.append(...this.actions(point));
        else cell.textContent = text(point, key, category);
        row.append(cell);
      });
      return row;
    });
    this.table.tBodies[0].replaceChildren(...rows);
  }

  /** The teacher's buttons for one learner: a new name for the projector, or off the class (seat and point). */
  actions(point) {
    if (!this.onLearner) return [];
    const rename = document.createElement('button');
    rename.type = 'button';
    rename.textContent = 'Rename';
    rename.addEventListener('click', () => {
      const name = window.prompt(`A new name for learner ${point.learner}`, point.nickname);
      if (name && name.trim()) this.onLearner(point.learner, 'rename', name.trim());
    });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.dataset.testid = 'class-remove';
    remove.addEventListener('click', () => {
      if (window.confirm(`Remove ${point.nickname} and their point from the class?`)) this.onLearner(point.learner, 'remove');
    });
    return [rename, remove];
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
