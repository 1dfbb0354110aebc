// The class chart: every learner's validation number at their run's best epoch against their value, their training
// number there on the same axes (so the gap shows), the class median per value and the best value marked. Chart.js
// draws the axes, the medians and the training numbers; each learner's validation point is one element laid over the
// chart, so a point can be counted, read aloud, hovered and highlighted (the learner's own). The axis is log-scaled
// when every value is positive (as the sweep's), linear otherwise, and a row of names for a category (init).

import { decade, lineChart, redraw } from './charts.js';
import { loss, percent, plain, short } from './format.js';
import { MARKER, SPLIT, rgba } from './palette.js';

const FORMATS = { loss, percent: (x) => percent(x) };
/** Pixels between two learners' points on one value, so both stay visible and countable. */
const SPREAD_PX = 9;
/** The dashed line of a value nobody has run. */
const UNRUN = '#8a8a90';

export class ClassChart {
  /**
   * `labelOf(param)` names the varied setting for the axis title; `picker` is the page's loss-or-accuracy select,
   * whose options (ClassPanel.metricPicker) say which numbers of a point each plots, the axis title and the format.
   */
  constructor(canvas, overlay, { labelOf = (name) => name, picker }) {
    this.overlay = overlay;
    this.coverage = document.getElementById(`${canvas.id}-coverage`);   // ClassPanel.chart's list of values
    this.labelOf = labelOf;
    this.metrics = Object.fromEntries([...picker.options].map((o) => [o.value, {
      validation: o.dataset.validation, train: o.dataset.train, title: o.dataset.title, format: FORMATS[o.dataset.format],
    }]));
    this.metric = picker.value;
    this.own = null;              // the learner number to highlight
    this.message = null;
    this.elements = new Map();    // learner number -> its point's element
    // The legend is the page's own (ClassPanel.legend): Chart.js's would list the invisible layer under the points.
    this.chart = lineChart(canvas, {
      yTitle: this.metrics[this.metric].title, yMin: 0, legend: false,
      datasets: [
        { label: 'validation, class median', data: [], borderColor: SPLIT.validation, backgroundColor: SPLIT.validation,
          borderWidth: 3, pointRadius: 0 },
        { label: 'training, class median', data: [], borderColor: SPLIT.train, backgroundColor: SPLIT.train,
          borderWidth: 2, borderDash: [6, 4], pointRadius: 0 },
        { label: 'training, each learner', data: [], borderColor: SPLIT.train, backgroundColor: '#fff', showLine: false,
          pointRadius: 4, pointBorderWidth: 1.5 },
        // The learners' validation points are the elements over the chart; this keeps them inside the axes.
        { label: 'validation, each learner', data: [], showLine: false, pointRadius: 0, borderColor: SPLIT.validation,
          backgroundColor: SPLIT.validation },
      ],
    });
    this.chart.options.onResize = () => requestAnimationFrame(() => this.place());
    this.chart.options.interaction = { mode: 'nearest', intersect: true };
  }

  /** Loss or accuracy on the y axis. */
  setMetric(metric) {
    this.metric = this.metrics[metric] ? metric : this.metric;
    if (this.message) this.show(this.message);
  }

  /** Highlights this learner's point (the page's own seat). */
  setOwn(learner) {
    this.own = learner;
  }

  /** Draws a `class` message that carries points. */
  show(message) {
    this.message = message;
    const m = this.metrics[this.metric];
    const values = message.values ?? [];
    const category = message.axis === 'category';
    const log = !category && values.length > 0 && values.every((v) => v > 0);
    const at = (index) => (category ? index : values[index]);
    this.configureAxes(message.param, values, category, log);
    const trained = (message.points ?? []).filter((p) => p[m.validation] != null);
    const sets = this.chart.data.datasets;
    const medians = (message.summary ?? []).filter((s) => s.trained > 0);
    sets[0].data = medians.filter((s) => s[m.validation] != null).map((s) => ({ x: at(s.index), y: s[m.validation] }));
    sets[1].data = medians.filter((s) => s[m.train] != null).map((s) => ({ x: at(s.index), y: s[m.train] }));
    sets[2].data = trained.filter((p) => p[m.train] != null).map((p) => ({ x: at(p.index), y: p[m.train] }));
    sets[3].data = trained.map((p) => ({ x: at(p.index), y: p[m.validation] }));
    const y = this.chart.options.scales.y;
    y.title.text = m.title;
    y.max = this.metric === 'accuracy' ? 1 : undefined;
    y.ticks = this.metric === 'accuracy' ? { callback: (v) => `${Math.round(v * 100)}%`, maxTicksLimit: 6 } : { maxTicksLimit: 6 };
    const best = message.bestIndex ?? -1;
    // A value nobody has run yet gets a faint dashed line: an empty stretch of axis is not "no U there".
    const unrun = (message.summary ?? []).filter((s) => s.learners === 0)
      .map((s) => ({ x: at(s.index), color: UNRUN, dash: [1, 4], width: 1, label: '' }));
    this.chart.options.plugins.markers.lines = [...unrun, ...(best < 0 ? [] : [{
      x: at(best), color: MARKER.best, dash: [2, 3], width: 2,
      label: `◆ best: ${message.param} = ${category ? values[best] : short(values[best])}`,
    }])];
    redraw(this.chart);
    this.place();
    this.showCoverage(message, category);
  }

  /** Under the chart, each value with how many learners have it (and how many count): "not run" where none. */
  showCoverage(message, category) {
    if (!this.coverage) return;
    const chips = (message.summary ?? []).map((s) => {
      const chip = document.createElement('li');
      const value = category ? String(s.value) : short(s.value);   // 2–3 figures to read; the exact value on hover
      chip.dataset.testid = 'class-coverage-value';
      chip.dataset.value = value;
      chip.title = `${message.param} = ${category ? s.value : plain(s.value)}`;
      chip.dataset.learners = String(s.learners);
      chip.classList.toggle('unrun', s.learners === 0);
      chip.classList.toggle('best', s.index === message.bestIndex);
      chip.textContent = s.learners === 0 ? `${value}: not run`
        : `${value}: ${s.learners} learner${s.learners === 1 ? '' : 's'}${s.trained < s.learners ? ` (${s.trained} counted)` : ''}`;
      return chip;
    });
    this.coverage.replaceChildren(...chips);
  }

  configureAxes(param, values, category, log) {
    const title = `${this.labelOf(param)}${log ? ' (log scale)' : ''}`;
    const x = { title: { display: true, text: title }, grid: { color: '#eee' } };
    if (category) {
      Object.assign(x, { type: 'linear', min: -0.5, max: values.length - 0.5,
        ticks: { stepSize: 1, autoSkip: false, maxRotation: 30, callback: (v) => (Number.isInteger(v) ? values[v] ?? '' : '') } });
    } else if (log) {
      const low = Math.min(...values);
      const high = Math.max(...values);
      Object.assign(x, { type: 'logarithmic', min: low / 1.6, max: high * 1.6,
        ticks: { autoSkip: false, maxRotation: 0, callback: decade } });
    } else {
      const low = Math.min(...values);
      const high = Math.max(...values);
      const pad = (high - low) * 0.08 || 1;
      Object.assign(x, { type: 'linear', min: low - pad, max: high + pad,
        ticks: { maxTicksLimit: 8, maxRotation: 0, callback: (v) => short(v, 2) } });
    }
    this.chart.options.scales.x = x;
    this.chart.options.plugins.tooltip.callbacks.title = (items) => (items.length
      ? `${param} = ${category ? values[Math.round(items[0].parsed.x)] : short(items[0].parsed.x, 4)}` : '');
  }

  /** Lays every learner's point over the chart, where the chart's scales put it. */
  place() {
    const message = this.message;
    if (!message) return;
    const m = this.metrics[this.metric];
    const values = message.values ?? [];
    const category = message.axis === 'category';
    const { x, y } = this.chart.scales;
    if (!x || !y) return;
    const points = (message.points ?? []).filter((p) => p[m.validation] != null);
    const onValue = new Map();
    for (const p of points) onValue.set(p.index, [...(onValue.get(p.index) ?? []), p.learner]);
    const seen = new Set();
    for (const p of points) {
      seen.add(p.learner);
      const element = this.elements.get(p.learner) ?? this.create(p.learner);
      const mates = onValue.get(p.index);
      const offset = (mates.indexOf(p.learner) - (mates.length - 1) / 2) * SPREAD_PX;
      const px = x.getPixelForValue(category ? p.index : values[p.index]) + offset;
      const py = y.getPixelForValue(p[m.validation]);
      element.style.left = `${px}px`;
      element.style.top = `${py}px`;
      const value = category ? values[p.index] : plain(values[p.index]);
      Object.assign(element.dataset, { value, epoch: String(p.epoch), y: String(p[m.validation]), status: p.status });
      element.classList.toggle('own', p.learner === this.own);
      element.classList.toggle('untrained', !(p.epoch > 0));
      element.classList.toggle('stopped', p.left === true);
      const own = p.changed ?? [];
      element.classList.toggle('own-settings', own.length > 0);
      const text = `${p.nickname}: ${message.param} = ${value}, validation ${m.format(p[m.validation])}, training `
        + `${m.format(p[m.train])} at epoch ${p.bestEpoch} of ${p.epoch} (${p.status})`
        + `${own.length ? `; own settings (${own.join(', ')}), left out of the median` : ''}`;
      element.setAttribute('aria-label', text);
      element.title = text;
    }
    for (const [learner, element] of this.elements) {
      if (seen.has(learner)) continue;
      element.remove();
      this.elements.delete(learner);
    }
  }

  create(learner) {
    const element = document.createElement('span');
    element.className = 'class-point';
    element.dataset.testid = 'class-point';
    element.dataset.learner = String(learner);
    element.setAttribute('role', 'listitem');
    element.style.setProperty('--point', SPLIT.validation);
    element.style.setProperty('--point-fill', rgba(SPLIT.validation, 0.85));
    this.overlay.append(element);
    this.elements.set(learner, element);
    return element;
  }

  /** Forgets every point (the class ended and the card is gone, say). */
  clear() {
    this.message = null;
    for (const element of this.elements.values()) element.remove();
    this.elements.clear();
    for (const set of this.chart.data.datasets) set.data = [];
    this.chart.options.plugins.markers.lines = [];
    redraw(this.chart);
  }
}
