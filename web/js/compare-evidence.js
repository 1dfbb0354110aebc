// A comparison's evidence chart: what the lesson's sentences speak of, for A and B, so the claim is on screen. The
// lesson picks it (its file's `evidence`, rendered into the page with each kind's title and axis); without one, exact
// zeros when either run has L1 on, else the gap. Over several seeds each run's line is the median with its band.

import { decade, lineChart, redraw } from './charts.js';
import { OverlayHistograms } from './overlay-histograms.js';
import { SeedBands } from './seed-bands.js';
import { percent, short } from './format.js';

/** The epoch scalar each kind plots; restore and activation-spread are read another way (below). */
const KEY = { sparsity: 'zeroFraction', 'weight-norm': 'l2Norm', gap: 'gap' };

/** The kind a comparison shows: the lesson's, else exact zeros when L1 is on in A or B, else the gap. */
export function evidenceFor(lessonEvidence, configA, configB) {
  if (lessonEvidence) return lessonEvidence;
  return [configA, configB].some((config) => (config?.l1 ?? 0) > 0) ? 'sparsity' : 'gap';
}

/**
 * The validation loss of the model a run would end with if it stopped now: with early stopping that restores its best
 * weights, that of the best epoch so far by the run's monitor (EarlyStopping.java's rule: better than the best by more
 * than minDelta, epochs after startFromEpoch); else the current epoch's.
 */
export function keptLosses(history, config) {
  const stopping = config?.earlyStopping;
  const restores = stopping?.restoreBestWeights === true;
  const maximize = stopping?.monitor === 'validation-accuracy';
  const delta = stopping?.minDelta ?? 0;
  let best = null;
  return history.map((s) => {
    if (!restores || s.epoch <= Math.max(0, stopping.startFromEpoch ?? 0)) return { x: s.epoch, y: s.validationLoss };
    const current = maximize ? s.validationAccuracy : s.validationLoss;
    const kept = best == null ? -Infinity : maximize ? best.validationAccuracy : best.validationLoss;
    const improved = best == null || (maximize ? current - delta > kept : current + delta < kept);
    if (improved) best = s;
    return { x: s.epoch, y: best.validationLoss };
  });
}

export class CompareEvidence {
  constructor(root, colors) {
    this.root = root.querySelector('#compare-evidence');
    this.kinds = JSON.parse(this.root.dataset.kinds);
    this.title = this.root.querySelector('#compare-evidence-title');
    this.canvas = this.root.querySelector('#compare-evidence-chart');
    this.summary = this.root.querySelector('#compare-evidence-summary');
    this.histogramBox = this.root.querySelector('#compare-evidence-histogram');
    this.histogram = new OverlayHistograms(this.histogramBox, { colorA: colors.a, colorB: colors.b, width: 240, height: 84 });
    this.colors = colors;
    this.kind = null;
    this.drawn = null;
    this.choose('sparsity');
  }

  /** Draws `kind` from now on: a new chart with its axis, and its bands when the kind is an epoch scalar. */
  choose(kind) {
    if (kind === this.kind || !this.kinds[kind]) return;
    this.kind = kind;
    this.drawn = null;
    this.chart?.destroy();
    const { title, axis } = this.kinds[kind];
    this.title.textContent = title;
    this.canvas.setAttribute('aria-label', title);
    this.root.dataset.evidence = kind;
    const perLayer = kind === 'activation-spread';
    const line = (label, color, extra = {}) => ({ label, data: [], borderColor: color, backgroundColor: color,
      pointRadius: perLayer ? 4 : 0, ...extra });
    this.chart = lineChart(this.canvas, {
      yTitle: axis, yMin: kind === 'gap' ? undefined : 0, yMax: kind === 'sparsity' ? 1 : undefined,
      yTicks: kind === 'sparsity' ? { stepSize: 0.25, callback: (v) => `${Math.round(v * 100)}%` } : undefined,
      datasets: [line('A', this.colors.a), line('B', this.colors.b, { borderDash: [8, 3], pointStyle: 'rectRot' })],
    });
    if (perLayer) {
      Object.assign(this.chart.options.scales.x, { min: 1, title: { display: true, text: 'hidden layer' } });
      this.chart.options.scales.x.ticks.stepSize = 1;
    }
    this.bands = KEY[kind] ? ['a', 'b'].map((id, i) => new SeedBands(this.chart, [{ dataset: i, key: KEY[kind],
      color: this.colors[id], label: id.toUpperCase(), picks: true }])) : null;
    this.histogramBox.hidden = kind !== 'weight-norm';
    this.histogram.clear();
    this.summary.textContent = '';
  }

  clear() {
    for (const dataset of this.chart.data.datasets) dataset.data = [];
    this.drawn = null;
    this.histogram.clear();
    this.summary.textContent = '';
    redraw(this.chart);
  }

  /** The best-epoch and stop markers of the loss chart, where the kind is over epochs. */
  mark(lines) {
    this.chart.options.plugins.markers.lines = this.kind === 'activation-spread' ? [] : lines;
  }

  /**
   * Draws both runs (`runs.a`, `runs.b`: history, seeds, report) with their configs; `picked` is the seed picked out
   * over several seeds, or null; `epoch`, the epoch read back (scrub.js) the sentence speaks of, or null: the last.
   * Only when something moved since the last drawing.
   */
  render(runs, configs, picked, epoch = null) {
    const version = [this.kind, picked, epoch, ...['a', 'b'].map((id) => `${runs[id].history.length}:${runs[id].seeds.version}:${runs[id].report?.epoch}`)].join('/');
    if (version === this.drawn) return;
    this.drawn = version;
    const sets = this.chart.data.datasets;
    ['a', 'b'].forEach((id, i) => { sets[i].data = this.points(runs[id], configs[id]); });
    this.bands?.forEach((bands, i) => bands.draw(runs[['a', 'b'][i]].seeds, picked));
    if (this.kind === 'weight-norm') this.drawHistogram(runs);
    if (this.kind === 'activation-spread') this.logWhenPositive(sets);
    redraw(this.chart);
    const upTo = (data) => (epoch == null || this.kind === 'activation-spread' ? data : data.filter((p) => p.x <= epoch));
    this.summary.textContent = this.sentence(upTo(sets[0].data), upTo(sets[1].data));
  }

  /**
   * Spreads that shrink 10× a layer read on a log axis; a spread of exactly 0 (all units alike) has no place on one, so
   * then the axis stays linear from 0.
   */
  logWhenPositive(sets) {
    const values = sets.flatMap((set) => set.data.map((p) => p.y));
    const positive = values.length > 0 && values.every((v) => v > 0);
    Object.assign(this.chart.options.scales.y, positive
      ? { type: 'logarithmic', min: undefined, ticks: { autoSkip: false, callback: decade } }
      : { type: 'linear', min: 0, ticks: { maxTicksLimit: 6 } });
  }

  points(run, config) {
    if (this.kind === 'restore') return keptLosses(run.history, config);
    if (this.kind === 'activation-spread') {
      const layers = run.report?.layers ?? [];
      return layers.slice(0, -1).map((layer, i) => ({ x: i + 1, y: layer.activationStd }));
    }
    return run.history.map((s) => ({ x: s.epoch, y: s[KEY[this.kind]] }));
  }

  /** Both runs' first-layer weights on one axis: the layer where L2's shrinking shows most (the inputs' weights). */
  drawHistogram(runs) {
    const la = runs.a.report?.layers?.[0];
    const lb = runs.b.report?.layers?.[0];
    const shape = la ?? lb;
    if (!shape) return;
    this.histogram.render([{ title: 'layer 1: A bars, B line', a: la?.weights ?? null,
      b: lb?.weights ?? null, zerosA: la ? la.weightCount - la.nonZeroCount : null,
      zerosB: lb ? lb.weightCount - lb.nonZeroCount : null }]);
  }

  /** One sentence of where the two lines end, for those who do not see the chart. */
  sentence(a, b) {
    const lastA = a[a.length - 1];
    const lastB = b[b.length - 1];
    if (!lastA || !lastB) return '';
    const value = this.kind === 'sparsity' ? (p) => percent(p.y) : (p) => short(p.y);
    const what = this.kinds[this.kind].axis;
    if (this.kind === 'activation-spread') {
      return `${what} in the last hidden layer: A ${value(lastA)}, B ${value(lastB)} (first layer: A ${value(a[0])}, B ${value(b[0])}).`;
    }
    const ratio = this.kind === 'weight-norm' && lastA.y > 0 ? ` (B is ${percent(lastB.y / lastA.y, 0)} of A)` : '';
    return `${what}, epoch ${Math.max(lastA.x, lastB.x)}: A ${value(lastA)}, B ${value(lastB)}${ratio}.`;
  }
}
