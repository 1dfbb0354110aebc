// A comparison's two curve charts: loss and accuracy of both runs overlaid, each run's gap shaded in its own colour
// (training dashed). Run A is blue, run B vermillion (Okabe–Ito). Over several seeds each line is the median over the
// paired seeds and each run's validation line gets its band. The lesson's evidence chart is compare-evidence.js's.

import { lineChart, redraw } from './charts.js';
import { ChartSummary } from './chart-summary.js';
import { bestEpoch } from './best-epoch.js';
import { SeedBands } from './seed-bands.js';
import { OKABE_ITO, rgba } from './palette.js';

export const RUN_COLOR = { a: OKABE_ITO.blue, b: OKABE_ITO.vermillion };
/** A's gap is a pale blue wash, B's an orange hatch: where the two gaps overlap both stay readable, in any colour vision. */
const GAP = { a: rgba(OKABE_ITO.sky, 0.3), b: hatch(rgba(OKABE_ITO.orange, 0.8)) };

function hatch(color) {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat');
}

function series(label, color, extra = {}) {
  return { label, data: [], borderColor: color, backgroundColor: color, ...extra };
}

/**
 * A marker on about every tenth point of a run's lines: A circles, B triangles, so A and B differ without colour.
 * Scriptable, so the markers stay spread as the epochs come.
 */
function markers(style, marker) {
  const radius = (context) => {
    const n = context.dataset.data.length;
    const every = Math.max(1, Math.ceil(n / 10));
    return context.dataIndex % every === Math.floor(every / 2) ? 3.5 : 0;
  };
  return { pointStyle: style, marker, pointRadius: radius, pointHoverRadius: radius, pointBackgroundColor: '#fff' };
}

/** A's and B's train (dashed) and validation (solid), each validation curve filled to its own train curve. */
function pairDatasets() {
  const a = markers('circle', '●');
  const b = markers('triangle', '▲');
  return [
    series('A train', RUN_COLOR.a, { borderDash: [6, 4], borderWidth: 1.5, ...a }),
    series('A validation', RUN_COLOR.a, { fill: { target: 0, above: GAP.a, below: GAP.a }, ...a }),
    series('B train', RUN_COLOR.b, { borderDash: [6, 4], borderWidth: 1.5, ...b }),
    series('B validation', RUN_COLOR.b, { fill: { target: 2, above: GAP.b, below: GAP.b }, ...b }),
  ];
}

/** One run's lines on the loss or accuracy chart, as SeedBands takes them: `suffix` is Loss or Accuracy. */
function pairLines(id, suffix) {
  const offset = id === 'a' ? 0 : 2;
  const name = id.toUpperCase();
  return [
    { dataset: offset, key: `train${suffix}`, color: RUN_COLOR[id], label: `${name} train`, band: false },
    { dataset: offset + 1, key: `validation${suffix}`, color: RUN_COLOR[id], label: `${name} validation`, picks: true },
  ];
}

export class CompareCharts {
  constructor(root) {
    this.loss = lineChart(root.querySelector('#compare-loss-chart'), { summary: false, yTitle: 'mean data loss', yMin: 0, datasets: pairDatasets() });
    this.accuracy = lineChart(root.querySelector('#compare-accuracy-chart'), { summary: false,
      yTitle: 'accuracy', yMax: 1, yTicks: { callback: (v) => `${Math.round(v * 100)}%` }, datasets: pairDatasets(),
    });
    // The markers in words in the key under the charts, which says the strokes already, whatever the legends have
    // room for.
    const key = document.createElement('span');
    key.className = 'stroke-key';
    key.dataset.testid = 'compare-stroke-key';
    key.textContent = 'Markers: A ● (circles), B ▲ (triangles). ';
    const note = this.accuracy.canvas.closest('.card')?.querySelector('.legend-note');
    note?.insertBefore(key, note.querySelector('.key-gap-a'));
    const lines = (what) => [{ dataset: 1, name: `A validation ${what}` }, { dataset: 3, name: `B validation ${what}` },
      { dataset: 0, name: `A train ${what}` }, { dataset: 2, name: `B train ${what}` }];
    this.summaries = [new ChartSummary(this.loss, { lines: lines('loss') }),
      new ChartSummary(this.accuracy, { lines: lines('accuracy'), accuracy: true })];
    this.bands = {};
    for (const id of ['a', 'b']) {
      this.bands[id] = [
        new SeedBands(this.loss, pairLines(id, 'Loss')),
        new SeedBands(this.accuracy, pairLines(id, 'Accuracy')),
      ];
    }
  }

  all() {
    return [this.loss, this.accuracy];
  }

  clear() {
    for (const chart of this.all()) {
      for (const dataset of chart.data.datasets) dataset.data = [];
      redraw(chart);
    }
    for (const summary of this.summaries) summary.changed(true);
    this.loss.canvas.dataset.pointsA = '0';
    this.loss.canvas.dataset.pointsB = '0';
  }

  /** A run's new epochs (the viewed seed's): each point goes on its lines; a replayed epoch drops what follows it. */
  add(id, epochs) {
    const offset = id === 'a' ? 0 : 2;
    const lossSets = this.loss.data.datasets;
    const accuracySets = this.accuracy.data.datasets;
    for (const s of epochs) {
      const all = [lossSets[offset], lossSets[offset + 1], accuracySets[offset], accuracySets[offset + 1]];
      for (const set of all) while (set.data.length && set.data[set.data.length - 1].x >= s.epoch) set.data.pop();
      lossSets[offset].data.push({ x: s.epoch, y: s.trainLoss });
      lossSets[offset + 1].data.push({ x: s.epoch, y: s.validationLoss });
      accuracySets[offset].data.push({ x: s.epoch, y: s.trainAccuracy });
      accuracySets[offset + 1].data.push({ x: s.epoch, y: s.validationAccuracy });
    }
    this.loss.canvas.dataset[id === 'a' ? 'pointsA' : 'pointsB'] = String(lossSets[offset].data.length);
  }

  /** Over several seeds, medians and bands from a run's SeedHistories; `picked`: the seed picked out, or null. */
  drawSeeds(id, histories, picked) {
    for (const bands of this.bands[id]) bands.draw(histories, picked);
  }

  /**
   * Each run's best validation epoch (dotted) and early stop (solid), in its own colour: `runs` {a, b}, each with its
   * viewed seed's `best` from the server (else found in its history) and its `end`.
   */
  markEpochs(runs) {
    const lines = [];
    ['a', 'b'].forEach((id, row) => {
      const run = runs[id];
      const best = run.best?.epoch ?? bestEpoch(run.history)?.epoch;
      const name = id.toUpperCase();
      if (best != null) lines.push({ x: best, color: RUN_COLOR[id], dash: [4, 3], label: `${name} best ${best}`, row: 2 * row });
      if (run.end?.event === 'early-stopped') {
        // A run that watched another metric than validation loss restores another epoch than its best by loss: say which.
        const restored = run.end.restoredBestWeights && run.end.bestEpoch !== best ? `, restores ${run.end.bestEpoch}` : '';
        lines.push({ x: run.end.epochs, color: RUN_COLOR[id], width: 2.5, label: `${name} stop ${run.end.epochs}${restored}`, row: 2 * row + 1 });
      }
    });
    this.loss.options.plugins.markers.lines = lines;
    this.accuracy.options.plugins.markers.lines = lines;
    return lines;
  }

  redraw() {
    for (const chart of this.all()) redraw(chart);
    for (const summary of this.summaries) summary.changed();
  }
}
