// The regularization paths side by side: each weight of the exact minimum against λ, for L1 (each weight reaches
// exactly 0 at a finite λ₁, marked) and for L2 (both shrink, neither reaches 0), with the λ on screen marked.

import { lineChart } from './charts.js';
import { short } from './format.js';

const NAMES = ['w₁', 'w₂'];
const COLOURS = ['#0072B2', '#D55E00'];

export class LandscapePaths {
  constructor(l1Canvas, l2Canvas) {
    this.canvases = { l1: l1Canvas, l2: l2Canvas };
    this.charts = {};
  }

  /** `now` is {l1, l2}: the λ₁ and λ₂ on screen, marked on each chart. */
  draw(view, now) {
    for (const kind of ['l1', 'l2']) {
      const path = view.paths[kind];
      const chart = this.chart(kind);
      chart.data.datasets.forEach((dataset, i) => {
        const w = i === 0 ? path.w1 : path.w2;
        dataset.data = path.lambdas.map((x, k) => ({ x, y: w[k] }));
      });
      chart.options.scales.x.max = path.lambdas[path.lambdas.length - 1];
      const lines = [{ x: now[kind], label: `${kind === 'l1' ? 'λ₁' : 'λ₂'} = ${short(now[kind])}`, color: '#1d1d1f', dash: [4, 3], row: 0 }];
      if (kind === 'l1') {
        path.zeroFrom.forEach((at, i) => {
          if (Number.isFinite(at)) lines.push({ x: at, label: `${NAMES[i]} = 0`, color: COLOURS[i], row: i + 1, width: 1 });
        });
      }
      chart.options.plugins.markers.lines = lines;
      chart.update('none');
    }
  }

  chart(kind) {
    if (!this.charts[kind]) {
      const chart = lineChart(this.canvases[kind], {
        datasets: NAMES.map((label, i) => ({ label, data: [], borderColor: COLOURS[i], backgroundColor: COLOURS[i] })),
        yTitle: 'weight',
      });
      const symbol = kind === 'l1' ? 'λ₁' : 'λ₂';
      chart.options.scales.x.title.text = symbol;
      chart.options.scales.x.ticks = { maxTicksLimit: 6 };
      chart.options.plugins.tooltip.callbacks.title = (items) => (items.length ? `${symbol} = ${short(items[0].parsed.x)}` : '');
      this.charts[kind] = chart;
    }
    return this.charts[kind];
  }
}
