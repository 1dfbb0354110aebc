// Taking results away: files built in the browser from what the page received (no second trip to the server), saved
// through a Blob, an object URL and a temporary <a download>.

import { sharpCopy } from './charts.js';
import { changedKeys, encode } from './state.js';

/** Saves a Blob under a file name. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the URL after this task ends; revoking it at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveText(text, name, type) {
  saveBlob(new Blob([text], { type }), name);
}

export function saveJson(object, name) {
  saveText(`${JSON.stringify(object, null, 1)}\n`, name, 'application/json');
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; empty for a missing number. A text
 * starting with = + - @ (or a tab or carriage return) gets a leading ' so a spreadsheet shows it instead of running it
 * as a formula: defence in depth, since nicknames start with a letter or digit. Numbers stay numbers.
 */
function field(value) {
  if (value == null || (typeof value === 'number' && !Number.isFinite(value))) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of objects; columns default to every key seen, in the order first seen. */
export function toCsv(rows, columns = columnsOf(rows)) {
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function columnsOf(rows) {
  const seen = new Set();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

export function saveCsv(rows, name, columns) {
  saveText(toCsv(rows, columns), name, 'text/csv');
}

/**
 * A chart (or any canvas) as a PNG on white, at twice its on-screen size: a Chart.js chart is drawn again at that
 * resolution, a plain canvas is scaled without smoothing. A transparent background turns black in many viewers.
 */
export function savePng(canvas, name, scale = 2) {
  const chart = window.Chart?.getChart?.(canvas);
  const source = chart ? sharpCopy(chart, scale) : canvas;
  const width = chart ? source.width : canvas.width * scale;
  const height = chart ? source.height : canvas.height * scale;
  const copy = document.createElement('canvas');
  copy.width = width;
  copy.height = height;
  const ctx = copy.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, width, height);
  copy.toBlob((blob) => {
    if (blob) saveBlob(blob, name);
  }, 'image/png');
}

/** A file-name part: letters, digits, dots and hyphens only. */
export function slug(text) {
  return String(text).replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/**
 * A file name that says what ran: the lesson (or dataset), up to three settings changed from `base`, and B's changes
 * or the swept setting (by `mode`).
 */
export function fileName({ values, lesson, base, mode, changes, sweepParam }) {
  const pairs = (object) => Object.entries(object).slice(0, 3).map(([key, value]) => `${key}-${encode(value)}`);
  const name = ['gaplab', lesson?.id ?? values.dataset, ...pairs(Object.fromEntries(changedKeys(values, base).map((k) => [k, values[k]])))];
  if (mode === 'compare') name.push('vs', ...pairs(changes));
  if (mode === 'sweep') name.push('sweep', sweepParam);
  return name.map(slug).join('-');
}

/**
 * Wires every `[data-png]` button on the page to save the chart or canvas it names. `nameOf(id)` gives the file
 * name, so it can follow the lesson and epoch at the moment of the click.
 */
export function wirePngButtons(root, nameOf) {
  for (const button of root.querySelectorAll('[data-png]')) {
    button.addEventListener('click', () => {
      const canvas = document.getElementById(button.dataset.png);
      if (canvas) savePng(canvas, nameOf(button.dataset.png));
    });
  }
}
