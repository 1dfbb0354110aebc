// The spread over seeds drawn on an existing Chart.js line chart: for each chosen line, a min–max band, an
// interquartile band inside it (with enough seeds), and the picked seed's own curve, thin and dark. The line the chart
// already has becomes the median. With one seed the bands stay empty and the chart looks as it did.

import { QUARTILE_SEEDS } from './seed-spread.js';
import { rgba } from './palette.js';

const edge = (label, extra = {}) => ({ label, data: [], borderColor: 'transparent', backgroundColor: 'transparent',
  borderWidth: 0, pointRadius: 0, band: true, ...extra });

export class SeedBands {
  /**
   * `chart`: a line chart from charts.js; `lines`: [{dataset, key, color, label, band?, picks?}], where `dataset` is
   * the index of the line that becomes the median of `key`; `band: false` keeps it a median line without a band, and
   * `picks` draws the picked seed's own curve of that line. The bands are appended after the chart's own datasets, so fills that
   * point at dataset indices keep pointing at the same lines.
   */
  constructor(chart, lines) {
    this.chart = chart;
    this.lines = lines.map((line) => {
      if (line.band === false) return { ...line, first: null };
      const first = chart.data.datasets.length;
      const wide = rgba(line.color, 0.14);
      const narrow = rgba(line.color, 0.26);
      chart.data.datasets.push(
        edge(`${line.label} min`),
        edge(`${line.label} min–max over seeds`, { fill: { target: '-1' }, backgroundColor: wide }),
        edge(`${line.label} q1`),
        edge(`${line.label} interquartile range`, { fill: { target: '-1' }, backgroundColor: narrow }),
        { label: `${line.label}, picked seed`, data: [], borderColor: rgba('#000000', 0.75), backgroundColor: '#000',
          borderWidth: 1, pointRadius: 0, band: true, picked: true, hidden: true },
      );
      return { ...line, first };
    });
    // The legend names the lines; the bands and the picked seed's thin black curve are explained under the chart,
    // where they cost the plot no height.
    const legend = chart.options.plugins.legend;
    legend.labels.filter = (item, data) => !data.datasets[item.datasetIndex].band;
    chart.options.plugins.tooltip.filter = (item) => !item.dataset.band || item.dataset.picked;
  }

  /**
   * Draws from `histories` (SeedHistories): the median as each line and the bands around it when there are 2 or more
   * seeds; `picked` is the seed index whose curve is picked out, or null. Returns false (drawing nothing) for one seed.
   */
  draw(histories, picked) {
    const sets = this.chart.data.datasets;
    const many = histories.count > 1;
    for (const line of this.lines) {
      if (line.first == null) {
        if (many) sets[line.dataset].data = histories.spreadOf(line.key).map((p) => ({ x: p.x, y: p.median }));
        continue;
      }
      const [low, high, q1, q3, seed] = sets.slice(line.first, line.first + 5);
      if (!many) {
        for (const set of [low, high, q1, q3, seed]) set.data = [];
        seed.hidden = true;
        continue;
      }
      const spread = histories.spreadOf(line.key);
      sets[line.dataset].data = spread.map((p) => ({ x: p.x, y: p.median }));
      low.data = spread.map((p) => ({ x: p.x, y: p.min }));
      high.data = spread.map((p) => ({ x: p.x, y: p.max }));
      const quartiles = histories.count >= QUARTILE_SEEDS;
      q1.data = quartiles ? spread.map((p) => ({ x: p.x, y: p.q1 })) : [];
      q3.data = quartiles ? spread.map((p) => ({ x: p.x, y: p.q3 })) : [];
      seed.hidden = picked == null || !line.picks;
      seed.data = seed.hidden ? [] : histories.curveOf(picked, line.key);
      if (!seed.hidden) seed.label = `${line.label}, seed ${histories.seedOf(picked) ?? picked + 1}`;
    }
    // What a test (or a curious reader) can check was drawn: the band's points, not only what was handed in.
    const banded = this.lines.find((line) => line.first != null);
    this.chart.canvas.dataset.bandPoints = String(many && banded ? sets[banded.first + 1].data.length : 0);
    return many;
  }
}
