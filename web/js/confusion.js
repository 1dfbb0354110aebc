// What an image classifier gets wrong, on the validation split. The Mistakes tab holds the confusion matrix (a row per
// true class, a column per predicted class, each cell a count; the server computes it and sends it with every report
// of image data) with each class's accuracy beside it, and the first validation images the model gets wrong, each
// with its true and predicted class. The bench holds what fits there at a readable size: the pairs it confuses most,
// in a sentence, and its first few mistakes. All text goes in with textContent; the class names are the server's
// (the `started` message's dataset), never a list of our own.

import { percent } from './format.js';
import { paintGreyImage } from './grey-image.js';

const ZOOM = 2;

/** The server's class names (the `started` message's dataset); a class it does not name is numbered. */
class ClassNames {
  constructor() {
    this.names = [];
  }

  setClasses(names) {
    this.names = names ?? [];
  }

  name(index) {
    return this.names[index] ?? `class ${index}`;
  }
}

/** The 10 × 10 table of counts, rows true and columns predicted, with per-class accuracy in the last column. */
export class ConfusionTable extends ClassNames {
  constructor(view, table) {
    super();
    this.view = view;
    this.table = table;
    this.shape = -1;    // the class count the table's cells were built for
  }

  setClasses(names) {
    super.setClasses(names);
    this.shape = -1;
  }

  /** `confusion`: {classes, counts} (counts[t·classes + p]); `accuracy`: the report's per-class accuracy. */
  render(confusion, accuracy) {
    this.view.hidden = !confusion;
    if (!confusion || (confusion === this.drawn && this.shape === confusion.classes)) return;
    this.drawn = confusion;     // drawn once per report, not once per animation frame
    const n = confusion.classes;
    if (this.shape !== n) this.build(n);
    let largestMiss = 1;
    for (let t = 0; t < n; t++) {
      for (let p = 0; p < n; p++) if (t !== p) largestMiss = Math.max(largestMiss, confusion.counts[t * n + p]);
    }
    let rowMax = 1;
    for (let t = 0; t < n; t++) for (let p = 0; p < n; p++) if (t === p) rowMax = Math.max(rowMax, confusion.counts[t * n + p]);
    const rows = this.table.tBodies[0].rows;
    for (let t = 0; t < n; t++) {
      const cells = rows[t].cells;
      for (let p = 0; p < n; p++) {
        const value = confusion.counts[t * n + p];
        const cell = cells[p + 1];
        cell.textContent = String(value);
        // Right answers in blue on their own scale, mistakes in vermillion scaled to the largest mistake, so the
        // classes it mixes up stand out even when the diagonal is large.
        const strength = t === p ? value / rowMax : value / largestMiss;
        cell.style.backgroundColor = value === 0 ? ''
          : t === p ? `rgba(0, 114, 178, ${0.12 + 0.5 * strength})` : `rgba(213, 94, 0, ${0.1 + 0.6 * strength})`;
        cell.title = `true ${this.name(t)}, predicted ${this.name(p)}: ${value}`;
      }
      cells[n + 1].textContent = percent(accuracy?.[t], 0);
    }
  }

  build(n) {
    this.shape = n;
    const head = document.createElement('tr');
    const corner = document.createElement('th');
    corner.textContent = 'true↓ pred.→';
    corner.title = 'rows: the true class; columns: the predicted class';
    corner.className = 'corner';
    head.append(corner);
    for (let p = 0; p < n; p++) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = String(p);
      th.title = this.name(p);
      head.append(th);
    }
    const accuracy = document.createElement('th');
    accuracy.scope = 'col';
    accuracy.textContent = '✓';
    accuracy.title = 'validation accuracy of the class: its diagonal cell over its row';
    head.append(accuracy);
    const body = document.createElement('tbody');
    for (let t = 0; t < n; t++) {
      const row = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = `${t} ${this.name(t)}`;
      row.append(th);
      for (let p = 0; p <= n; p++) row.append(document.createElement('td'));
      row.cells[t + 1].className = 'diagonal';
      body.append(row);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    this.table.replaceChildren(thead, body);
  }
}

/** How many of the pairs it confuses most the bench's sentence names. */
const PAIRS_NAMED = 3;

/**
 * The bench's sentence: how many validation images it gets wrong and the PAIRS_NAMED (true, predicted) cells with
 * the most, largest first (ties in row order). `view` shows only for image data; `otherwise` (the Mistakes tab's
 * note on 2-D sets) the other way round.
 */
export class MostConfused extends ClassNames {
  constructor(view, line, otherwise) {
    super();
    this.view = view;
    this.line = line;
    this.otherwise = otherwise;
  }

  /** `confusion`: {classes, counts} as ConfusionTable's, or null (not image data). */
  render(confusion) {
    this.view.hidden = !confusion;
    this.otherwise.hidden = !!confusion;
    if (!confusion || confusion === this.drawn) return;
    this.drawn = confusion;
    this.line.textContent = mostConfusedSentence(confusion, this.names);
  }
}

/** "140 of 500 wrong. Most often: Shirt taken for T-shirt/top (14), Pullover for Coat (12), Coat for Pullover (9)." */
export function mostConfusedSentence({ classes, counts }, names) {
  const name = (i) => names[i] ?? `class ${i}`;
  const misses = [];
  let total = 0;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) {
      const value = counts[t * classes + p];
      total += value;
      if (t !== p && value > 0) misses.push({ t, p, value });
    }
  }
  const wrong = misses.reduce((sum, m) => sum + m.value, 0);
  if (wrong === 0) return `It gets all ${total} validation images right.`;
  misses.sort((a, b) => b.value - a.value || a.t - b.t || a.p - b.p);
  const pairs = misses.slice(0, PAIRS_NAMED)
    .map((m, i) => `${name(m.t)} ${i === 0 ? 'taken for' : 'for'} ${name(m.p)} (${m.value})`);
  return `${wrong} of ${total} wrong. Most often: ${pairs.join(', ')}.`;
}

/** The misclassified validation images, each with "true → predicted" under it. */
export class MisclassifiedStrip extends ClassNames {
  /** `view` and `caption` may be null (the bench's strip: its card says the rest); `limit`: how many to show. */
  constructor(view, list, caption, { limit = Infinity } = {}) {
    super();
    this.view = view;
    this.list = list;
    this.caption = caption;
    this.limit = limit;
  }

  /** `strip`: {width, height, rows, labels, predicted, images} (images as 0..255 pixels), or null. */
  render(strip) {
    if (this.view) this.view.hidden = !strip;
    if (!strip || strip === this.drawn) return;
    this.drawn = strip;         // the server sends a strip only when it changed

    const { width, height } = strip;
    const items = strip.images.slice(0, this.limit).map((pixels, i) => {
      const figure = document.createElement('figure');
      const canvas = document.createElement('canvas');
      canvas.width = width * ZOOM;
      canvas.height = height * ZOOM;
      const ctx = canvas.getContext('2d');
      const image = ctx.createImageData(width * ZOOM, height * ZOOM);
      paintGreyImage(image, pixels, width, height, ZOOM);
      ctx.putImageData(image, 0, 0);
      const label = `${this.name(strip.labels[i])} → ${this.name(strip.predicted[i])}`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `validation image ${strip.rows[i]}: a ${label}`);
      const text = document.createElement('figcaption');
      text.textContent = label;
      figure.dataset.row = String(strip.rows[i]);
      figure.append(canvas, text);
      return figure;
    });
    this.list.replaceChildren(...items);
    if (!this.caption) return;
    this.caption.textContent = items.length
      ? `The first ${items.length} validation images it gets wrong (true → predicted).`
      : 'It gets every validation image right.';
  }
}
