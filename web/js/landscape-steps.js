// The weight L1 zeroes first, step by step, under each update rule, zoomed on the axis: plain subgradient zigzags
// inside the band the server computed (dashed: 2αλ₁ wide, off centre by the data's pull) and never lands on 0, clip
// at zero lands on 0 and stays, Adam's steps of about α leave the band. Colours are those of the server's legend.

import { lineChart } from './charts.js';

/** The chart shows this many times 2αλ₁ on each side of 0. */
const ZOOM = 2;

export class LandscapeSteps {
  constructor(canvas, legend) {
    this.canvas = canvas;
    this.legend = legend;
    this.chart = null;
  }

  draw(view) {
    const i = view.paths.marked;
    const boxes = [...this.legend.querySelectorAll('[data-trail]')];
    const trails = boxes.map((box) => ({ box, trail: view.trails.find((t) => t.name === box.dataset.trail) }))
      .filter(({ trail }) => trail);
    const steps = trails.length ? trails[0].trail.w1.length - 1 : 0;
    const { band } = view;
    const datasets = trails.map(({ box, trail }) => ({
      label: box.closest('label').textContent.trim(),
      data: (i === 0 ? trail.w1 : trail.w2).map((y, x) => ({ x, y })),
      borderColor: box.dataset.colour, backgroundColor: box.dataset.colour, borderWidth: 1.5, hidden: !box.checked,
    }));
    for (const edge of [band.low, band.high]) {
      datasets.push({ label: 'band', data: [{ x: 0, y: edge }, { x: steps, y: edge }],
        borderColor: '#777', borderDash: [4, 3], borderWidth: 1 });
    }
    if (!this.chart) {
      this.chart = lineChart(this.canvas, { datasets, yTitle: i === 0 ? 'w₁' : 'w₂', legend: false });
      this.chart.options.scales.x.title.text = 'step';
    }
    this.chart.data.datasets = datasets;
    const reach = band.width > 0 ? ZOOM * band.width : 1;
    Object.assign(this.chart.options.scales.y, { min: -reach, max: reach, title: { display: true, text: i === 0 ? 'w₁' : 'w₂' } });
    this.chart.options.scales.x.max = steps;
    this.chart.update('none');
  }
}
