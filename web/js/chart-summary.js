// A chart's text alternative, for a screen reader and for anyone who would rather read than look: one sentence of
// what its curves do ("Validation loss fell to 0.1612 at epoch 130, then rose to 0.1734; train loss kept falling to
// 0.0712."), which the canvas names as its description, and a "Show as table" button that puts a real <table> of the
// plotted values in the chart's place. Both follow the chart at events (a reset, a new best epoch, the end) and at
// most every UPDATE_MS while it trains, never every frame; the sentence is no live region, so it is read when asked.

import { loss, percent, short } from './format.js';

/** While a run trains the sentence and the table are brought up to date at most this often. */
const UPDATE_MS = 1500;
/** The table's rows at most: evenly spaced epochs, with the first, the best and the last always among them. */
export const TABLE_ROWS = 25;

/**
 * What one line did, lower being better (a loss) or higher (an accuracy): its best point, and where it is now.
 * `points`: [{x, y}] in epoch order, nulls allowed. Null when the line has no point.
 */
export function trend(points, higherIsBetter) {
  const drawn = points.filter((p) => p.y != null && Number.isFinite(p.y));
  if (!drawn.length) return null;
  let best = drawn[0];
  for (const p of drawn) if (higherIsBetter ? p.y > best.y : p.y < best.y) best = p;
  return { first: drawn[0], best, last: drawn[drawn.length - 1] };
}

/**
 * One clause of the sentence for a line: "validation loss fell to 0.1612 at epoch 130, then rose to 0.1734 at epoch
 * 400"; `at(x)` names a place on the x axis ("epoch 130", "λ₂ 0.001").
 */
export function clause(name, t, higherIsBetter, format, at = (x) => `epoch ${x}`) {
  const [better, worse] = higherIsBetter ? ['rose', 'fell'] : ['fell', 'rose'];
  if (t.last.x === t.first.x) return `${name} is ${format(t.last.y)} at ${at(t.last.x)}`;
  if (t.best.x === t.last.x || format(t.best.y) === format(t.last.y)) {
    if (t.best.x === t.first.x) return `${name} stayed at ${format(t.last.y)} up to ${at(t.last.x)}`;
    return `${name} kept ${better === 'fell' ? 'falling' : 'rising'} to ${format(t.last.y)} at ${at(t.last.x)}`;
  }
  if (t.best.x === t.first.x) return `${name} ${worse} from ${format(t.first.y)} to ${format(t.last.y)} at ${at(t.last.x)}`;
  return `${name} ${better} to ${format(t.best.y)} at ${at(t.best.x)}, then ${worse} to ${format(t.last.y)} at ${at(t.last.x)}`;
}

/** The sentence of a chart with no summary of its own: each named, shown line, lower read as better, at most 6. */
export function everyLine(chart) {
  return chart.data.datasets.map((d, dataset) => ({ d, dataset }))
    .filter(({ d, dataset }) => d.label && !d.band && chart.isDatasetVisible(dataset))
    .slice(0, 6).map(({ d, dataset }) => ({ dataset, name: d.label }));
}

/** A place on a chart's x axis in words: its axis title and the value ("epoch 130", "λ₂ 0.001"). */
function place(chart, x) {
  const axis = chart.options.scales?.x?.title?.text || 'x';
  return `${axis} ${Number.isInteger(x) ? x : short(x)}`;
}

const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

export class ChartSummary {
  /**
   * `chart`: a Chart.js chart from charts.js; `lines`: [{dataset, name}] the datasets the sentence and the table read
   * (by index, so bands and markers stay out), or a function of the chart giving them; `accuracy`: values are
   * fractions where higher is better; `prefix()`: what goes before the sentence (medians over seeds...); `table`:
   * whether a "Table" button shows the values; `format`: how a value is written; `empty`: the sentence before any.
   */
  constructor(chart, { lines, accuracy = false, prefix = () => '', table = true, format = loss, empty = 'No epochs yet.' }) {
    Object.assign(this, { chart, accuracy, prefix, empty });
    this.linesOf = typeof lines === 'function' ? lines : () => lines;
    this.format = accuracy ? (v) => percent(v) : format;
    const canvas = chart.canvas;
    const box = canvas.closest('.chart-box') ?? canvas.parentElement;
    this.box = box;
    this.sentence = document.createElement('p');
    this.sentence.id = `${canvas.id}-summary`;
    this.sentence.className = 'sr-only chart-summary';
    this.sentence.dataset.testid = 'chart-summary';
    this.sentence.textContent = empty;
    box.after(this.sentence);
    canvas.setAttribute('aria-describedby', this.sentence.id);
    this.written = 0;
    this.timer = null;
    this.tableBox = { hidden: true };
    if (table) this.addTable(box, canvas);
  }

  /** The "Table" button in the chart's head and the table it shows in the chart's place. */
  addTable(box, canvas) {
    this.tableBox = document.createElement('div');
    this.tableBox.className = 'chart-table';
    this.tableBox.hidden = true;
    this.tableBox.tabIndex = 0;   // it scrolls: a keyboard must reach every row
    this.tableBox.setAttribute('role', 'region');
    this.tableBox.setAttribute('aria-label', `${canvas.getAttribute('aria-label') ?? 'Chart'}, as a table`);
    this.table = document.createElement('table');
    this.table.className = 'numbers-table';
    this.tableBox.append(this.table);
    box.after(this.tableBox);
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'table-toggle';
    // "Table" on screen, where the chart's head has little room; its full name to a screen reader.
    this.button.textContent = 'Table';
    this.button.setAttribute('aria-label', 'Show as table');
    this.button.title = 'Show the plotted values as a table';
    this.button.dataset.testid = `${canvas.id}-table-toggle`;
    this.button.setAttribute('aria-controls', this.tableBox.id = `${canvas.id}-table`);
    this.button.addEventListener('click', () => this.toggle());
    const head = box.previousElementSibling?.classList.contains('chart-head') ? box.previousElementSibling : null;
    if (head) head.append(this.button);
    else box.before(this.button);
  }

  toggle() {
    const showTable = this.tableBox.hidden;
    this.tableBox.hidden = !showTable;
    this.box.hidden = showTable;
    this.button.textContent = showTable ? 'Chart' : 'Table';
    this.button.setAttribute('aria-label', showTable ? 'Show as chart' : 'Show as table');
    if (showTable) this.write();
  }

  /**
   * The chart changed: an event (a reset, a new best, the end) writes the text now unless it was written less than
   * UPDATE_MS ago; then, and for plain new epochs, once UPDATE_MS after the last writing.
   */
  changed(event = false) {
    const since = performance.now() - this.written;
    if (event && since >= UPDATE_MS) {
      this.write();
      return;
    }
    if (this.timer == null) this.timer = setTimeout(() => this.write(), Math.max(0, UPDATE_MS - since));
  }

  write() {
    clearTimeout(this.timer);
    this.timer = null;
    this.written = performance.now();
    const datasets = this.chart.data.datasets;
    this.lines = this.linesOf(this.chart);
    const at = (x) => place(this.chart, x);
    const clauses = this.lines.map(({ dataset, name }) => {
      const t = trend(datasets[dataset]?.data ?? [], this.accuracy);
      return t ? clause(name, t, this.accuracy, this.format, at) : null;
    }).filter(Boolean);
    const text = clauses.length ? `${this.prefix()}${capitalized(clauses.join('; '))}.` : this.empty;
    if (this.sentence.textContent !== text) this.sentence.textContent = text;
    if (!this.tableBox.hidden) this.fillTable();
  }

  /** At most TABLE_ROWS epochs: evenly spaced, plus the first, each line's best and the last. */
  fillTable() {
    const datasets = this.chart.data.datasets;
    const byEpoch = new Map();
    this.lines.forEach(({ dataset }, column) => {
      for (const p of datasets[dataset]?.data ?? []) {
        if (!byEpoch.has(p.x)) byEpoch.set(p.x, new Array(this.lines.length).fill(null));
        byEpoch.get(p.x)[column] = p.y;
      }
    });
    const epochs = [...byEpoch.keys()].sort((a, b) => a - b);
    const keep = new Set();
    if (epochs.length) {
      const step = (epochs.length - 1) / Math.max(1, TABLE_ROWS - 1 - this.lines.length);
      for (let i = 0; i < epochs.length; i += Math.max(1, step)) keep.add(epochs[Math.round(i)]);
      keep.add(epochs[epochs.length - 1]);
      for (const { dataset } of this.lines) {
        const t = trend(datasets[dataset]?.data ?? [], this.accuracy);
        if (t) keep.add(t.best.x);
      }
    }
    const rows = [...keep].sort((a, b) => a - b).slice(-TABLE_ROWS);
    const head = document.createElement('tr');
    for (const title of ['epoch', ...this.lines.map((l) => l.name)]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = title;
      head.append(th);
    }
    const body = rows.map((epoch) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = String(epoch);
      tr.append(th);
      for (const value of byEpoch.get(epoch)) {
        const td = document.createElement('td');
        td.textContent = this.format(value);
        tr.append(td);
      }
      return tr;
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...body);
    this.table.replaceChildren(thead, tbody);
  }
}
