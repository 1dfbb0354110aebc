// The common shape of every Chart.js line chart on the page, and a plugin that draws vertical epoch markers.
// Chart.js comes from its WebJar as a classic script that defines the global `Chart`.

import { ChartSummary, everyLine } from './chart-summary.js';
import { short } from './format.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** After every drawing, a chart's sentence may follow (chart-summary.js decides when: events, never every frame). */
const summaries = {
  id: 'summaries',
  afterUpdate(chart) {
    chart.$summary?.changed();
  },
};

/** Whether two label boxes ({left, right, top, bottom}) share any pixel. */
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Vertical lines at given x values, each with a short label: the best epoch and the early stop. A label sits beside its
 * line, inside the plot (never over the axis's ticks), on its row or the first free row below, so no two overlap; the
 * boxes drawn are kept as chart.$markerLabels, what was drawn where.
 */
const markers = {
  id: 'markers',
  afterDatasetsDraw(chart, _args, options) {
    const lines = options.lines ?? [];
    chart.$markerLabels = [];
    if (!lines.length) return;
    const { ctx, chartArea: area, scales: { x } } = chart;
    const rowHeight = 13 * fontScale;
    ctx.save();
    for (const line of lines) {
      const px = x.getPixelForValue(line.x);
      if (!Number.isFinite(px) || px < area.left - 1 || px > area.right + 1) continue;
      ctx.strokeStyle = line.color;
      ctx.lineWidth = line.width ?? 1.5;
      ctx.setLineDash(line.dash ?? []);
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = line.color;
      ctx.font = `600 ${Math.round(MARKER_FONT_PX * fontScale)}px ${FONT}`;
      const text = ctx.measureText(line.label);
      const width = text.width;
      const beside = px + 4 + width > area.right ? px - 4 - width : px + 4;
      const left = Math.max(area.left + 2, beside);
      const baseline = (row) => area.top + 12 * fontScale + row * rowHeight;
      const box = (row) => ({ left, right: left + width, top: baseline(row) - text.actualBoundingBoxAscent,
        bottom: baseline(row) + text.actualBoundingBoxDescent });
      let row = line.row ?? 0;
      while (chart.$markerLabels.some((drawn) => overlaps(drawn, box(row)))) row += 1;
      chart.$markerLabels.push({ label: line.label, ...box(row) });
      ctx.fillText(line.label, left, baseline(row));
    }
    ctx.restore();
  },
};

let registered = false;
/** Chart text at scale 1, in CSS pixels: ticks and titles, legends, marker labels. */
const FONT_PX = 12;
const LEGEND_FONT_PX = 11;
const MARKER_FONT_PX = 11;
let fontScale = 1;

/**
 * Chart text follows the page: ×1 on the playground, the stylesheet's --chart-font-scale on the teacher's page and in
 * projector mode (×1.5–2), read from the body's computed style so the scale lives in one place. Charts drawn already
 * are drawn again at the new size.
 */
export function scaleChartText() {
  const Chart = window.Chart;
  if (!Chart) return;
  fontScale = Number(getComputedStyle(document.body).getPropertyValue('--chart-font-scale')) || 1;
  Chart.defaults.font.size = Math.round(FONT_PX * fontScale);
  for (const chart of Object.values(Chart.instances)) {
    chart.options.plugins.legend.labels.font = { size: Math.round(LEGEND_FONT_PX * fontScale) };
    chart.update('none');
  }
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** A log axis's label: powers of ten only (10⁻⁵ … 1, 10, 100), where the eye reads a log scale; none in between. */
export function decade(value) {
  if (!(value > 0)) return '';
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(Math.log10(value) - exponent) > 1e-9) return '';
  if (exponent >= 0 && exponent <= 3) return String(10 ** exponent);
  return `10${String(exponent).split('').map((c) => SUPERSCRIPT[c]).join('')}`;
}

/** How a line is drawn, in words, from its dash pattern: what a legend says so colour is not the only cue. */
export function strokeName(dataset) {
  const dash = dataset.borderDash ?? [];
  if (!dash.length) return 'solid';
  if (dash.length > 2) return 'dash-dot';
  return dash[0] <= 3 ? 'dotted' : 'dashed';
}

/**
 * The legend's entries: Chart.js's own, each saying its stroke ("train, dashed") when the chart mixes strokes, and its
 * marker when it has one (`dataset.marker`, "▲"); the swatch is outlined in the line's dash, not filled.
 */
function legendLabels(chart) {
  const items = window.Chart.defaults.plugins.legend.labels.generateLabels(chart);
  const shown = chart.data.datasets.filter((d) => !d.band);
  // A narrow chart keeps its swatches and markers but not the words, which would stack the legend over the plot: the
  // key under the chart says the strokes there (curves.js, compare-charts.js).
  const mixed = chart.width >= WIDE_LEGEND && new Set(shown.map(strokeName)).size > 1;
  return items.map((item) => {
    const dataset = chart.data.datasets[item.datasetIndex];
    const words = [mixed ? strokeName(dataset) : null, dataset.marker ?? null].filter(Boolean);
    return words.length ? { ...item, text: `${item.text} (${words.join(', ')})`, fillStyle: 'transparent' } : item;
  });
}

/**
 * A line chart over epochs with the page's defaults; `datasets` are Chart.js datasets of {x, y} points. Unless
 * `summary` is false (a chart that writes its own, with a table: curves.js), its canvas is described by a sentence of
 * what each line did.
 */
export function lineChart(canvas, { datasets, yTitle, yMin, yMax, yType = 'linear', yTicks, legend = true, summary = true }) {
  const Chart = window.Chart;
  if (!registered) {
    Chart.register(markers, summaries);
    Chart.defaults.font.family = FONT;
    Chart.defaults.color = '#333';
    registered = true;
    scaleChartText();
  }
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      onResize: (resized, size) => makeRoom(resized, size.height, legend),
      parsing: false,
      normalized: true,
      spanGaps: true,
      elements: { point: { radius: 0, hitRadius: 4 }, line: { borderWidth: 2, tension: 0 } },
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'epoch' }, ticks: { precision: 0, maxTicksLimit: 8 },
          grid: { color: '#eee' } },
        y: { type: yType, min: yMin, max: yMax, title: { display: !!yTitle, text: yTitle },
          ticks: yType === 'logarithmic' ? { autoSkip: false, callback: decade, ...(yTicks ?? {}) }
            : { maxTicksLimit: 6, ...(yTicks ?? {}) }, grid: { color: '#eee' } },
      },
      plugins: {
        legend: { display: legend, position: 'bottom',
          labels: { boxWidth: 22, boxHeight: 2, padding: 10, generateLabels: legendLabels,
            font: { size: Math.round(LEGEND_FONT_PX * fontScale) } } },
        tooltip: { callbacks: { title: (items) => (items.length ? `epoch ${items[0].parsed.x}` : '') } },
        markers: { lines: [] },
      },
    },
  });
  if (summary) {
    const quantity = () => (chart.options.scales.y?.title?.text ? `${chart.options.scales.y.title.text}: ` : '');
    chart.$summary = new ChartSummary(chart, { lines: everyLine, table: false, format: (v) => short(v), prefix: quantity,
      empty: 'Nothing drawn yet.' });
  }
  if (makeRoom(chart, chart.height, legend)) chart.update('none');
  return chart;
}

/** Below this height a chart's legend and epoch title would leave its lines a sliver: the curves keep the room. */
const ROOMY_HEIGHT = 140;
/** From this width a legend entry says its stroke in words ("train (dashed)"): a row holds two or more entries. */
const WIDE_LEGEND = 360;

/**
 * A short chart drops its epoch title and packs its legend tight, but keeps the legend: at 125–150 % zoom every bench
 * chart is short, and without it the lines would differ by colour alone. True when that changed.
 */
function makeRoom(chart, height, legend) {
  const roomy = height >= ROOMY_HEIGHT;
  const { plugins, scales } = chart.options;
  const padding = roomy && chart.width >= WIDE_LEGEND ? 10 : 3;
  const boxWidth = chart.width >= WIDE_LEGEND ? 22 : 14;
  const changed = plugins.legend.display !== legend || scales.x.title.display !== roomy
    || plugins.legend.labels.padding !== padding || plugins.legend.labels.boxWidth !== boxWidth;
  plugins.legend.display = legend;
  plugins.legend.labels.padding = padding;
  plugins.legend.labels.boxWidth = boxWidth;
  scales.x.title.display = roomy;
  return changed;
}

/**
 * The chart's picture at `scale` times its on-screen size, as a canvas: drawn again at that pixel ratio, so lines and
 * text are sharp, not stretched.
 */
export function sharpCopy(chart, scale = 2) {
  const ratio = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = scale;
  chart.resize();
  const copy = document.createElement('canvas');
  copy.width = chart.canvas.width;
  copy.height = chart.canvas.height;
  copy.getContext('2d').drawImage(chart.canvas, 0, 0);
  chart.options.devicePixelRatio = ratio;
  chart.resize();
  return copy;
}

/** Redraws without animation, once. */
export function redraw(chart) {
  chart.update('none');
}
