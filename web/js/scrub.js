// Reading a paused or finished run epoch by epoch: a comparison lesson ends in about 8 s, before its sentences are
// read. The page keeps every epoch's numbers already (the downloads'); it keeps a bounded set of model-view snapshots
// here (with the report then: histograms, mistakes), and the scrubber moves a marker on every curve chart, the
// numbers and the pictures to one epoch. Starting, resuming or stepping leaves scrub mode and the live state shows
// again.

/** At most this many model-view snapshots per run (plus the newest), thinned evenly as the run grows. */
export const SNAPSHOT_LIMIT = 40;
/** The marker's colour: used by no line or other marker on the curve charts (palette.js), 8:1 on white. */
export const SCRUB_COLOR = '#5e3c99';

/**
 * A run's model views at some of its epochs. A snapshot is taken when a frame brings views and at least `gap` epochs
 * have passed since the last one kept; when more than SNAPSHOT_LIMIT are kept, every other one is dropped and the gap
 * becomes their spacing (about doubling), so the kept epochs stay about evenly spread over the whole run and memory stays at most
 * SNAPSHOT_LIMIT + 1 views (each bounded by the server: RunViews). The newest views are always kept too.
 */
export class Snapshots {
  constructor(limit = SNAPSHOT_LIMIT) {
    this.limit = limit;
    this.clear();
  }

  clear() {
    this.kept = [];
    this.gap = 0;
    this.newest = null;
  }

  /**
   * `views` as they stand after the frame whose last epoch is `epoch` (merged: every view, not only the new ones), and
   * the newest report then (histograms, the confusion matrix), or null.
   */
  add(epoch, views, report = null) {
    // A reset or a restored run replays from an earlier epoch: what was kept from there on is another run's.
    while (this.kept.length && this.kept[this.kept.length - 1].epoch >= epoch) this.kept.pop();
    const last = this.kept[this.kept.length - 1];
    if (!last || epoch - last.epoch >= this.gap) {
      this.kept.push({ epoch, views, report });
      if (this.kept.length > this.limit) {
        this.kept = this.kept.filter((_, i) => i % 2 === 0);
        // From now on one snapshot per average spacing of those kept, so the new ones are as far apart as the old.
        this.gap = (this.kept[this.kept.length - 1].epoch - this.kept[0].epoch) / (this.kept.length - 1);
      }
    }
    this.newest = { epoch, views, report };
  }

  /** The snapshot nearest `epoch` ({epoch, views, report}; the earlier of two as near), or null before any. */
  nearest(epoch) {
    let found = null;
    for (const snapshot of this.newest ? [...this.kept, this.newest] : this.kept) {
      if (!found || Math.abs(snapshot.epoch - epoch) < Math.abs(found.epoch - epoch)) found = snapshot;
    }
    return found;
  }
}

/** Which epoch's numbers show at `epoch`: its own scalars, or the last before it (a history always holds epoch 0). */
export function numbersAt(history, epoch) {
  let found = null;
  for (const s of history) {
    if (s.epoch > epoch) break;
    found = s;
  }
  return found;
}

/**
 * A comparison's run as it stood at `epoch`: its history up to there, that epoch's numbers, the nearest snapshot's
 * views (`pictureEpoch` says which), and every seed's history cut there too (the table's medians).
 */
export function runAt(run, epoch) {
  const history = run.history.filter((s) => s.epoch <= epoch);
  const picture = run.snapshots.nearest(epoch);
  const seeds = run.seeds && { count: run.seeds.count, seedOf: (i) => run.seeds.seedOf(i),
    histories: run.seeds.histories.map((epochs) => epochs.filter((s) => s.epoch <= epoch)) };
  return { ...run, history, latest: history[history.length - 1] ?? null, views: picture?.views ?? run.views,
    pictureEpoch: picture?.epoch ?? null, seeds };
}

/** "picture from epoch 40"; in a comparison "pictures from epoch 40", or each run's when they differ. */
export function pictureNote(epochs) {
  const known = epochs.filter((e) => e != null);
  if (!known.length) return '';
  if (known.length === 1) return `picture from epoch ${known[0]}`;
  return new Set(known).size === 1 ? `pictures from epoch ${known[0]}` : `A’s picture from epoch ${epochs[0]}, B’s from epoch ${epochs[1]}`;
}

/** Puts "Picture from epoch 40." before a picture's caption while scrubbed (`epoch` null: the live state, as is). */
export function captionFrom(caption, epoch) {
  if (!caption || epoch == null) return;
  const text = caption.textContent.replace(/^Pictures? from epoch \d+\. /, '');
  caption.textContent = `Picture from epoch ${epoch}. ${text}`;
}

let marked = null;   // the scrubbed epoch every curve chart marks, or null

/** A vertical line at the scrubbed epoch on every chart over epochs (lineChart's x axis is titled "epoch"). */
const scrubMarker = {
  id: 'scrubMarker',
  afterDatasetsDraw(chart) {
    if (marked == null || chart.options.scales?.x?.title?.text !== 'epoch') return;
    const { ctx, chartArea: area, scales: { x } } = chart;
    const px = x.getPixelForValue(marked);
    if (!Number.isFinite(px) || px < area.left - 1 || px > area.right + 1) return;
    ctx.save();
    ctx.strokeStyle = SCRUB_COLOR;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(px, area.top);
    ctx.lineTo(px, area.bottom);
    ctx.stroke();
    // At the foot of the line: the best and stop labels sit at its head (charts.js).
    ctx.fillStyle = SCRUB_COLOR;
    ctx.font = `600 ${Math.max(11, Math.round(Number(window.Chart.defaults.font.size) * 0.92))}px ${window.Chart.defaults.font.family}`;
    const label = `epoch ${marked}`;
    const width = ctx.measureText(label).width;
    ctx.fillText(label, px + 4 + width > area.right ? px - 4 - width : px + 4, area.bottom - 5);
    ctx.restore();
  },
};

/**
 * The scrubber: a range over epoch 1 … last, shown only while what is on screen is paused or has ended. `onMove()`
 * asks for a redraw; `epoch` is the scrubbed epoch, or null (the live state).
 */
export class Scrubber {
  /** `bar`: the transport's bar; the scrubber is its last item, beside the buttons where they leave room (an embed). */
  constructor(bar, { onMove }) {
    this.root = document.createElement('div');
    this.root.className = 'scrubber';
    this.root.id = 'scrubber';
    this.root.dataset.testid = 'scrubber';
    this.root.hidden = true;
    this.label = document.createElement('label');
    this.label.htmlFor = 'scrub-epoch';
    this.label.dataset.testid = 'scrub-label';
    this.input = document.createElement('input');
    Object.assign(this.input, { type: 'range', id: 'scrub-epoch', min: '1', step: '1' });
    this.input.dataset.testid = 'scrub-epoch';
    this.picture = document.createElement('span');
    this.picture.className = 'scrub-picture';
    this.picture.dataset.testid = 'scrub-picture';
    const hint = document.createElement('span');
    hint.className = 'scrub-hint';
    hint.textContent = 'Read the run back epoch by epoch (arrow keys, Home, End).';
    this.root.append(this.label, this.input, this.picture, hint);
    bar.append(this.root);
    this.epoch = null;
    this.last = 0;
    this.input.addEventListener('input', () => {
      this.epoch = Number(this.input.value);
      this.mark();
      onMove();
    });
    if (window.Chart) window.Chart.register(scrubMarker);
  }

  /** `last`: the last epoch of a paused or ended run on screen, or null (nothing to scrub: hidden, live state). */
  offer(last) {
    if (!(last >= 1)) {
      this.leave();
      this.root.hidden = true;
      return;
    }
    this.last = last;
    this.input.max = String(last);
    if (this.epoch != null && this.epoch > last) this.epoch = last;
    this.input.value = String(this.epoch ?? last);
    this.root.hidden = false;
    this.describe();
  }

  /** Back to the live state (Start, Resume, Step). */
  leave() {
    if (this.epoch == null) return;
    this.epoch = null;
    this.input.value = String(this.last);
    this.mark();
    this.describe();
  }

  /** `note`: which epoch the pictures are from ("picture from epoch 40"), or '' at the live state. */
  describe(note = this.note ?? '') {
    this.note = note;
    const text = `Epoch ${this.epoch ?? this.last} of ${this.last}`;
    this.label.textContent = text;
    this.input.setAttribute('aria-valuetext', text);
    this.picture.textContent = this.epoch == null ? '' : note;
  }

  /** Draws every chart again, with or without the marker. */
  mark() {
    marked = this.epoch;
    for (const chart of Object.values(window.Chart?.instances ?? {})) chart.draw();
  }
}
