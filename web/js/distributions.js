// The weight distribution of one layer over time, TensorBoard style: nested percentile bands (min–max, 7–93 %,
// 16–84 %, 31–69 %) around the median. L2 narrows the bands; L1 pulls the inner ones onto 0.

import { lineChart, redraw } from './charts.js';
import { rgba, OKABE_ITO } from './palette.js';

const LABELS = ['min', '7%', '16%', '31%', 'median', '69%', '84%', '93%', 'max'];
// Band k lies between percentile k−1 and k; the middle ones are darker.
const BAND_ALPHA = [0, 0.12, 0.22, 0.34, 0.46, 0.46, 0.34, 0.22, 0.12];

export class Distributions {
  constructor(root) {
    this.select = root.querySelector('#distribution-layer');
    this.history = [];
    this.layer = 0;
    const color = OKABE_ITO.blue;
    this.chart = lineChart(root.querySelector('#distribution-chart'), {
      yTitle: 'weight',
      legend: false,
      datasets: LABELS.map((label, k) => ({
        label,
        data: [],
        borderColor: k === 4 ? color : rgba(color, 0.35),
        borderWidth: k === 4 ? 2 : 0.75,
        backgroundColor: rgba(color, BAND_ALPHA[k]),
        fill: k === 0 ? false : '-1',
      })),
    });
    this.select.addEventListener('change', () => {
      this.layer = Number(this.select.value);
      this.show();
    });
  }

  reset() {
    this.history = [];
    this.show();
  }

  addReport(report) {
    const layers = report.layers ?? [];
    if (layers.length !== this.history.length) {
      this.history = layers.map(() => LABELS.map(() => []));
      this.select.replaceChildren(...layers.map((layer, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = `layer ${i + 1} (${layer.fanIn}→${layer.fanOut})`;
        return option;
      }));
      this.layer = Math.min(this.layer, Math.max(0, layers.length - 1));
      this.select.value = String(this.layer);
    }
    layers.forEach((layer, i) => {
      (layer.percentiles ?? []).forEach((value, k) => {
        const points = this.history[i][k];
        while (points.length && points[points.length - 1].x >= report.epoch) points.pop();
        points.push({ x: report.epoch, y: value });
      });
    });
  }

  show() {
    const bands = this.history[this.layer] ?? LABELS.map(() => []);
    this.chart.data.datasets.forEach((dataset, k) => {
      dataset.data = bands[k];
    });
    redraw(this.chart);
  }
}
