// A sweep drawn against the swept value: final train, validation and test accuracy and loss (the U-shaped validation
// curve between overfitting and underfitting), exact-zero fraction and weight norm, each value's progress, and the
// value with the best validation loss marked. Test is drawn dashed and never takes part in the choice. Over several
// seeds each value trains k runs: the curves and the table are the first seed's, the server's verdicts say what the
// seeds say, and bias-variance.js draws the spread across them.

import { decade, lineChart, redraw } from './charts.js';
import { Boundary } from './boundary.js';
import { WeightImages } from './weight-images.js';
import { loss, percent, plain, short, signed } from './format.js';
import { MARKER, OKABE_ITO, SPLIT } from './palette.js';
import { BiasVariance } from './bias-variance.js';
import { VerdictList } from './verdict-list.js';
import { fillSweepTable } from './sweep-table.js';

/** Filled points for runs that ended, hollow for runs still training; the best value's point is a larger diamond. */
function points(label, color, extra = {}) {
  return {
    label, data: [], borderColor: color, backgroundColor: color, showLine: true, borderWidth: 2,
    pointRadius: (ctx) => (ctx.raw?.best ? 8 : 4.5),
    pointStyle: (ctx) => (ctx.raw?.best ? 'rectRot' : 'circle'),
    pointBackgroundColor: (ctx) => (ctx.raw?.final ? color : '#fff'),
    pointBorderWidth: 2,
    ...extra,
  };
}

/** "Dropout rate p" mid-sentence is "dropout rate p"; "L2 strength λ₂" keeps its capital. */
function lowerFirst(text) {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** The names of the scalars every epoch streams, as the first epoch a run received has them, but the epoch. */
function scalarKeys(runs) {
  const first = runs.find((run) => run.history.length)?.history[0] ?? {};
  return Object.keys(first).filter((key) => key !== 'epoch');
}

export class SweepView {
  constructor(root, { labelOf }) {
    this.labelOf = labelOf;
    this.progress = root.querySelector('#sweep-progress');
    this.caption = root.querySelector('#sweep-caption');
    this.bestBadge = root.querySelector('#sweep-best');
    this.table = root.querySelector('#sweep-table');
    this.zero = root.querySelector('#sweep-zero');
    this.data = new Boundary(root.querySelector('#sweep-data-canvas'), root.querySelector('#sweep-data-caption'));
    this.dataCaption = root.querySelector('#sweep-data-caption');
    this.pointsBox = root.querySelector('#sweep-data-points');
    this.weightsBox = root.querySelector('#sweep-data-weights');
    this.inputs = new WeightImages(root.querySelector('#sweep-weights-canvas'));
    this.spread = new BiasVariance(root.querySelector('#sweep-bias-variance'));
    this.verdicts = new VerdictList(root.querySelector('#sweep-verdict'));
    const percentTicks = { callback: (v) => `${Math.round(v * 100)}%` };
    this.accuracy = lineChart(root.querySelector('#sweep-accuracy-chart'), {
      yTitle: 'accuracy', yMax: 1, yTicks: percentTicks,
      datasets: [points('train', SPLIT.train), points('validation', SPLIT.validation, { borderWidth: 3 }),
        points('test (shown, never used to pick)', SPLIT.test, { borderDash: [6, 4], borderWidth: 1.5 })],
    });
    this.loss = lineChart(root.querySelector('#sweep-loss-chart'), {
      yTitle: 'mean data loss', yMin: 0,
      datasets: [points('train', SPLIT.train), points('validation', SPLIT.validation, { borderWidth: 3 }),
        points('test (shown, never used to pick)', SPLIT.test, { borderDash: [6, 4], borderWidth: 1.5 })],
    });
    this.weights = lineChart(root.querySelector('#sweep-weights-chart'), {
      yTitle: 'fraction exactly 0', yMin: 0, yMax: 1, yTicks: percentTicks,
      datasets: [points('exactly 0', OKABE_ITO.black),
        points('‖w‖₂ (right axis)', OKABE_ITO.purple, { borderDash: [5, 3], yAxisID: 'y2' })],
    });
    // Linear from 0: on a log axis a fall from 5 to 3.5 looked like a collapse, and a narrow range had no labels.
    this.weights.options.scales.y2 = { type: 'linear', min: 0, position: 'right', title: { display: true, text: '‖w‖₂' },
      grid: { drawOnChartArea: false }, ticks: { maxTicksLimit: 6 } };
    this.clear();
  }

  charts() {
    return [this.accuracy, this.loss, this.weights];
  }

  clear() {
    this.param = null;
    this.values = [];
    this.config = null;
    this.dataset = null;
    this.runs = [];
    this.seeds = 1;
    this.summary = null;
    this.spread.clear();
    this.verdicts.clear();
    this.progress.replaceChildren();
    this.table.replaceChildren();
    this.caption.textContent = 'Start the sweep: one point per value appears as its run trains.';
    this.zero.textContent = '–';
    this.bestBadge.textContent = '';
    for (const chart of this.charts()) {
      for (const dataset of chart.data.datasets) dataset.data = [];
      chart.options.plugins.markers.lines = [];
      chart.options.scales.x.title.text = 'the swept value';
      chart.options.scales.x.min = undefined;
      redraw(chart);
    }
    this.accuracy.canvas.dataset.points = '0';
  }

  /** A sweep's `started`: the setting, its values (ascending; `index` counts in this order) and the base config. */
  started(message) {
    this.clear();
    this.param = message.param;
    this.values = message.values ?? [];
    this.config = message.config;
    this.dataset = message.dataset;
    this.seeds = message.seeds?.length ?? 1;
    this.runs = this.values.map((value, index) => ({ index, value, latest: null, end: null, history: [], seedsEnded: 0 }));
    const log = this.values.every((v) => v > 0);
    const title = `${this.labelOf(this.param)}${log ? ' (log scale)' : ''}`;
    this.spread.started({ values: this.values, param: this.param, seeds: this.seeds, title,
      onChange: () => this.points && this.showData(this.points) });
    for (const chart of this.charts()) {
      chart.options.scales.x = { type: log ? 'logarithmic' : 'linear', title: { display: true, text: title },
        ticks: { maxTicksLimit: log ? 20 : 8, autoSkip: !log, maxRotation: 0, callback: log ? decade : (v) => short(v, 2) },
        grid: { color: '#eee' } };
      chart.options.plugins.tooltip.callbacks.title = (items) => (items.length ? `${this.param} = ${short(items[0].parsed.x, 4)}` : '');
    }
    this.progress.replaceChildren(...this.runs.map((run) => this.progressRow(run)));
  }

  progressRow(run) {
    const row = document.createElement('li');
    row.dataset.testid = 'sweep-run';
    const value = document.createElement('span');
    value.className = 'sweep-value';
    value.textContent = `${this.param} = ${short(run.value, 3)}`;
    const bar = document.createElement('progress');
    bar.max = this.config?.epochs ?? 1;
    bar.value = 0;
    bar.setAttribute('aria-label', `Run with ${this.param} = ${run.value}`);
    const state = document.createElement('span');
    state.className = 'sweep-state';
    state.textContent = 'waiting';
    row.append(value, bar, state);
    run.row = { row, bar, state };
    return row;
  }

  /** A `sweep-epoch` frame: new scalars of the runs that trained since the last one. */
  frame(message) {
    for (const part of message.runs ?? []) {
      const run = this.runs[part.index];
      // A value's other seeds count in its progress only: its curves and numbers are its first seed's.
      if (!run || (part.seed ?? 0) !== 0) continue;
      for (const s of part.epochs ?? []) {
        while (run.history.length && run.history[run.history.length - 1].epoch >= s.epoch) run.history.pop();
        run.history.push(s);
        run.latest = s;
      }
    }
    return true;
  }

  /** A `sweep-run`: one value's run has ended, with the final model's numbers. */
  runEnded(message) {
    const run = this.runs[message.index];
    if (!run) return;
    run.seedsEnded += 1;
    if ((message.seed ?? 0) !== 0) return;
    const { type: _type, ...end } = message;
    run.end = end;
  }

  /** A `sweep-value`: every seed of one value has ended; its bias/variance split and its seeds' boundaries. */
  valueEnded(message) {
    this.spread.add(message);
  }

  /** The `sweep-summary`: every run's final numbers and the value with the lowest validation loss. */
  summarize(message) {
    const { type: _type, ...summary } = message;
    this.summary = summary;
    for (const end of message.runs ?? []) {
      if (this.runs[end.index]) this.runs[end.index].end = end;
    }
  }

  /** The numbers a run stands for now: its final model once ended, else its newest epoch. */
  numbers(run) {
    return run.end?.trainLoss != null ? run.end : run.latest;
  }

  render() {
    const best = this.summary?.bestIndex ?? -1;
    const sets = {
      accuracy: this.accuracy.data.datasets, loss: this.loss.data.datasets, weights: this.weights.data.datasets,
    };
    for (const list of Object.values(sets)) for (const set of list) set.data = [];
    for (const run of this.runs) {
      const n = this.numbers(run);
      if (n) {
        const point = (y) => ({ x: run.value, y, final: !!run.end, best: run.index === best });
        sets.accuracy[0].data.push(point(n.trainAccuracy));
        sets.accuracy[1].data.push(point(n.validationAccuracy));
        sets.accuracy[2].data.push(point(n.testAccuracy));
        sets.loss[0].data.push(point(n.trainLoss));
        sets.loss[1].data.push(point(n.validationLoss));
        sets.loss[2].data.push(point(n.testLoss));
        sets.weights[0].data.push(point(n.zeroFraction));
        sets.weights[1].data.push(point(n.l2Norm));
      }
      this.renderProgress(run, run.index === best);
    }
    const lines = best >= 0 ? [{ x: this.runs[best].value, color: MARKER.best, dash: [4, 3], label: `best ${short(this.runs[best].value)}` }] : [];
    for (const chart of this.charts()) {
      chart.options.plugins.markers.lines = lines;
      redraw(chart);
    }
    this.accuracy.canvas.dataset.points = String(sets.accuracy[1].data.length);
    this.accuracy.canvas.dataset.final = String(this.runs.filter((r) => r.end).length);
    this.renderCaption(best);
    fillSweepTable(this.table, { runs: this.runs, param: this.param, best, seeds: this.seeds, numbers: (run) => this.numbers(run) });
    this.spread.render();
    this.verdicts.render(this.summary?.verdicts);
    const shown = best >= 0 ? this.numbers(this.runs[best]) : null;
    // 3 significant figures on screen; the exact value in the tooltip and the table's CSV
    this.zero.textContent = shown ? `${percent(shown.zeroFraction)} (${this.param} = ${short(this.runs[best].value)})` : '–';
    this.zero.title = shown ? `${this.param} = ${plain(this.runs[best].value)}` : '';
  }

  /** The data every value trains on: the points of the shared split (from a run of the same config). */
  showData(points) {
    this.points = points;
    this.pointsBox.hidden = false;
    this.weightsBox.hidden = true;
    this.data.renderPoints(points);
    if (this.spread.drawBoundaries(this.data)) this.dataCaption.textContent += this.spread.describe(this.param);
  }

  /**
   * Data that is not a 2-D set has no picture of its own: the first layer's weights of one untrained run of the same
   * config show its inputs as every value's network starts to see them.
   */
  showInputs(weights, inputs, featureNames) {
    this.pointsBox.hidden = true;
    this.weightsBox.hidden = false;
    this.inputs.setInputs(inputs, featureNames);
    this.inputs.render(weights);
    this.dataCaption.textContent = 'Not a 2-D set: the first layer’s weights of one untrained run of this config, '
      + 'one row per unit and one column per input, as every value’s network starts.';
  }

  renderProgress(run, isBest) {
    const { row, bar, state } = run.row;
    const epochs = this.config?.epochs ?? 0;
    bar.value = run.end ? bar.max : run.latest?.epoch ?? 0;
    row.dataset.state = run.end ? run.end.reason : run.latest ? 'training' : 'waiting';
    row.classList.toggle('best', isBest);
    state.textContent = run.end
      ? `${run.end.reason === 'finished' ? '' : `${run.end.reason} · `}val loss ${loss(run.end.validationLoss)}${isBest ? ' ★ best' : ''}`
      : run.latest ? `epoch ${run.latest.epoch} of ${epochs}` : 'waiting';
    if (this.seeds > 1) state.textContent += ` · ${run.seedsEnded} of ${this.seeds} seeds done`;
  }

  renderCaption(best) {
    const label = lowerFirst(this.labelOf(this.param));
    this.bestBadge.textContent = best >= 0 ? `Best ${this.param} = ${short(this.runs[best].value)}` : '';
    this.bestBadge.title = best >= 0 ? `${this.param} = ${plain(this.runs[best].value)}, exactly` : '';
    if (!this.runs.length) return;
    if (!this.summary) {
      const done = this.runs.filter((r) => r.end).length;
      this.caption.textContent = `${done} of ${this.runs.length} values done. The best value is picked when every run has ended.`;
      return;
    }
    if (best < 0) {
      this.caption.textContent = 'Every run diverged before its first epoch: no value to pick.';
      return;
    }
    const b = this.numbers(this.runs[best]);
    const first = this.numbers(this.runs[0]);
    const last = this.numbers(this.runs[this.runs.length - 1]);
    const edge = best === 0 ? ' It is the smallest value tried: try smaller ones too.'
      : best === this.runs.length - 1 ? ' It is the largest value tried: try larger ones too.' : '';
    this.caption.textContent = `Best ${label}: ${short(this.runs[best].value, 4)}, the lowest validation loss `
      + `(${loss(b.validationLoss)}, validation accuracy ${percent(b.validationAccuracy)}). Its test accuracy, `
      + `${percent(b.testAccuracy)}, is reported but was never used to pick. At ${short(this.runs[0].value)} the gap is `
      + `${signed(first?.gap)}; at ${short(this.runs[this.runs.length - 1].value)} the training loss is ${loss(last?.trainLoss)}.`
      + `${['l1', 'l2'].includes(this.param) ? ' Too small a λ lets the model overfit (a wide gap); too large a λ underfits (both losses high).' : ''}${edge}`;
  }

  /** One row per value: the value, each final number, and whether it is the best (picked on validation loss). */
  csvRows() {
    const best = this.summary?.bestIndex ?? -1;
    return this.runs.map((run) => {
      const n = this.numbers(run) ?? {};
      const row = { param: this.param, value: run.value, best: run.index === best };
      // The streamed scalars (EpochReport.SCALARS on the server), in the order they arrive.
      for (const key of scalarKeys(this.runs)) row[key] = n[key];
      return { ...row, epochs: run.end?.epochs ?? n.epoch, bestEpoch: run.end?.bestEpoch, ended: run.end?.reason ?? 'training' };
    });
  }

  json() {
    return {
      format: 'gaplab-sweep', version: 1, seed: this.config?.seed ?? null, param: this.param, values: this.values,
      config: this.config, dataset: this.dataset, summary: this.summary,
      runs: this.runs.map((run) => ({ index: run.index, value: run.value, end: run.end, epochs: run.history })),
    };
  }

  hasEnded() {
    return this.summary != null;
  }
}
