// Reliability diagrams on the validation split: the model's confidence in its predicted class, in ten bins, against
// how often it was right there. A calibrated model sits on the diagonal; bars below it are overconfidence (it said
// 90% and was right 70% of the time). Two diagrams side by side: the model as it stands and at its best epoch, each
// with its expected calibration error, ECE = Σ_b (n_b/n)·|accuracy_b − confidence_b| (the server computes it). The
// count under each bin says how much each bar weighs.

import { count, percent } from './format.js';
import { OKABE_ITO } from './palette.js';

const WIDTH = 230;
const HEIGHT = 214;
const PAD = { left: 34, right: 16, top: 22, bottom: 44 };

/** A number the server may send as null (NaN in Java). */
const finite = (x) => typeof x === 'number' && Number.isFinite(x);

export class Reliability {
  /** `root`: holds two canvases ([data-calibration="now"], [data-calibration="best"]) and a caption. */
  constructor(root) {
    this.root = root;
    this.canvases = { now: root.querySelector('[data-calibration="now"]'), best: root.querySelector('[data-calibration="best"]') };
    this.caption = root.querySelector('.reliability-caption');
    const ratio = window.devicePixelRatio || 1;
    for (const canvas of Object.values(this.canvases)) {
      canvas.width = WIDTH * ratio;
      canvas.height = HEIGHT * ratio;
      canvas.style.width = `${WIDTH}px`;
      canvas.style.height = `${HEIGHT}px`;
    }
    this.ratio = ratio;
    this.clear();
  }

  clear() {
    for (const [which, canvas] of Object.entries(this.canvases)) this.draw(canvas, null, which === 'now' ? 'Now' : 'Best epoch');
    this.caption.textContent = 'Confidence against accuracy on the validation split appears with the first epoch.';
    this.root.dataset.bins = '0';
  }

  /**
   * `now`: report.calibration ({count, confidence, accuracy, error}); `best`: {epoch, calibration} of the best epoch;
   * `epoch`: the epoch now. A regression has no classes to be confident in: the diagrams say so.
   */
  render(now, best, epoch) {
    const classes = now?.count?.length > 0;
    this.root.hidden = false;
    const drawn = this.draw(this.canvases.now, classes ? now : null, `Now${epoch != null ? ` (epoch ${epoch})` : ''}`);
    this.draw(this.canvases.best, best?.calibration?.count?.length ? best.calibration : null,
      best?.epoch != null ? `Best epoch (${best.epoch})` : 'Best epoch');
    this.root.dataset.bins = String(drawn);
    if (!now) return;
    if (!classes) {
      this.caption.textContent = 'A regression: no predicted class, so no confidence to calibrate.';
      return;
    }
    const nowError = finite(now.error) ? percent(now.error) : '–';
    const bestError = finite(best?.calibration?.error) ? percent(best.calibration.error) : '–';
    this.caption.textContent = `Bars under the diagonal: surer than right (overconfident). Expected calibration error `
      + `now ${nowError}, at the best epoch ${bestError}.`;
  }

  /** One diagram; returns how many bins hold examples. */
  draw(canvas, calibration, title) {
    const ctx = canvas.getContext('2d');
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const innerW = WIDTH - PAD.left - PAD.right;
    const innerH = HEIGHT - PAD.top - PAD.bottom;
    const x = (v) => PAD.left + innerW * v;
    const y = (v) => PAD.top + innerH * (1 - v);
    ctx.fillStyle = '#f6f6f6';
    ctx.fillRect(PAD.left, PAD.top, innerW, innerH);
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = '#555';
    for (const v of [0, 0.5, 1]) {
      const label = `${Math.round(v * 100)}%`;
      ctx.fillText(label, PAD.left - 4 - ctx.measureText(label).width, y(v) + 3);
      ctx.fillText(label, x(v) - ctx.measureText(label).width / 2, PAD.top + innerH + 11);
    }
    ctx.fillText('confidence', PAD.left + innerW / 2 - 24, HEIGHT - 3);
    let bins = 0;
    let text = 'no examples yet';
    if (calibration) {
      const n = calibration.count.length;
      const total = calibration.count.reduce((sum, c) => sum + c, 0);
      calibration.count.forEach((c, b) => {
        const left = x(b / n) + 1;
        const width = innerW / n - 2;
        ctx.fillStyle = '#555';
        const label = c > 999 ? `${Math.round(c / 1000)}k` : String(c);
        if (c > 0) ctx.fillText(label, left + width / 2 - ctx.measureText(label).width / 2, PAD.top + innerH + 23);
        const accuracy = calibration.accuracy[b];
        if (!(c > 0) || !finite(accuracy)) return;
        bins += 1;
        ctx.fillStyle = OKABE_ITO.blue;
        ctx.fillRect(left, y(accuracy), width, y(0) - y(accuracy));
        // The bin's mean confidence: where the bar would end if the model were calibrated.
        const confidence = calibration.confidence[b];
        if (finite(confidence)) {
          ctx.fillStyle = OKABE_ITO.vermillion;
          ctx.fillRect(left, y(confidence) - 1, width, 2);
        }
      });
      text = `${count(total)} validation examples, ECE ${finite(calibration.error) ? percent(calibration.error) : '–'}`;
    }
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x(0), y(0));
    ctx.lineTo(x(1), y(1));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#222';
    ctx.font = '600 11px system-ui, sans-serif';
    const ece = calibration && finite(calibration.error) ? ` · ECE ${percent(calibration.error)}` : '';
    ctx.fillText(`${title}${ece}`, 2, 12);
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillStyle = '#555';
    ctx.fillText('n:', 2, PAD.top + innerH + 23);
    canvas.setAttribute('aria-label', `Reliability diagram, ${title}: ${text}`);
    canvas.dataset.bins = String(bins);
    return bins;
  }
}
