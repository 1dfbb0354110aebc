// Gradient norm ‖∂L̄/∂W‖ of each layer over epochs (the mean data loss's gradient alone, on the probe batch), on a
// log scale labelled by decade: vanishing shows as early layers far below late ones, exploding as lines running off
// the top.

import { lineChart, redraw } from './charts.js';
import { SERIES } from './palette.js';

export class GradientNorms {
  constructor(canvas) {
    this.chart = lineChart(canvas, { yTitle: '‖∂L̄/∂W‖ (log)', yType: 'logarithmic', datasets: [] });
  }

  reset() {
    this.chart.data.datasets = [];
    redraw(this.chart);
  }

  addReport(report) {
    const datasets = this.chart.data.datasets;
    (report.layers ?? []).forEach((layer, i) => {
      if (!datasets[i]) {
        const color = SERIES[i % SERIES.length];
        datasets[i] = { label: `layer ${i + 1}`, data: [], borderColor: color, backgroundColor: color, borderWidth: 1.75 };
      }
      const points = datasets[i].data;
      while (points.length && points[points.length - 1].x >= report.epoch) points.pop();
      // A zero norm (all-zero init) cannot sit on a log axis; it is shown as a gap, and said in the table.
      points.push({ x: report.epoch, y: layer.gradientNorm > 0 ? layer.gradientNorm : null });
    });
  }

  render() {
    redraw(this.chart);
  }
}
