// Every seed's epochs of one run, kept apart, and their spread epoch by epoch: the median the charts draw as the line,
// the min–max band, and the interquartile band where there are enough seeds for quartiles to mean something. Pure
// bookkeeping and arithmetic; the charts and tables that draw it live elsewhere.

/** Below this many seeds the quartiles are the extremes again: only the min–max band is drawn. */
export const QUARTILE_SEEDS = 5;

/** The q-quantile of sorted numbers, linear between neighbours (the usual "type 7"). */
export function quantile(sorted, q) {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** {median, min, max, q1, q3, n} of the finite numbers given, or null when there are none. */
export function spread(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return { median: quantile(sorted, 0.5), min: sorted[0], max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), n: sorted.length };
}

export class SeedHistories {
  constructor() {
    this.clear();
  }

  /** `seeds`: the seed numbers the server trains (its `started.seeds`), or null for one run on its config's seed. */
  clear(seeds = null) {
    this.seeds = seeds?.length ? [...seeds] : null;
    this.histories = (this.seeds ?? [null]).map(() => []);
    this.version = 0;             // bumped on every change: what draws from it redraws only when it moved on
  }

  get count() {
    return this.histories.length;
  }

  /** The seed number shown for run `index`, or null when the server did not say. */
  seedOf(index) {
    return this.seeds?.[index] ?? null;
  }

  /** Adds one seed's new epochs; a replay from an earlier epoch (a reset) drops what lies at or after it. */
  add(index, epochs) {
    const history = this.histories[index];
    if (!history || !epochs?.length) return;
    for (const s of epochs) {
      while (history.length && history[history.length - 1].epoch >= s.epoch) history.pop();
      history.push(s);
    }
    this.version += 1;
  }

  /** A frame's `seeds` (k entries of {epochs}); without it, the viewed run's epochs stand for the only seed. */
  addFrame(seedParts, viewedEpochs) {
    if (seedParts?.length) seedParts.forEach((part, i) => this.add(i, part?.epochs));
    else if (this.count === 1) this.add(0, viewedEpochs);
  }

  /** Each seed's newest epoch scalars (null for a seed with none yet). */
  latest() {
    return this.histories.map((history) => history[history.length - 1] ?? null);
  }

  /** Each seed's value of `key` at its newest epoch. */
  latestValues(key) {
    return this.latest().map((s) => (s ? s[key] : null));
  }

  /**
   * Per epoch, the spread of `key` over the seeds that reached it: [{x, median, min, max, q1, q3, n}], oldest first.
   */
  spreadOf(key) {
    const byEpoch = new Map();
    for (const history of this.histories) {
      for (const s of history) {
        if (!byEpoch.has(s.epoch)) byEpoch.set(s.epoch, []);
        byEpoch.get(s.epoch).push(s[key]);
      }
    }
    return [...byEpoch.entries()].sort((a, b) => a[0] - b[0])
      .map(([x, values]) => ({ x, ...spread(values) })).filter((p) => p.n);
  }

  /** One seed's curve of `key` as chart points. */
  curveOf(index, key) {
    return (this.histories[index] ?? []).map((s) => ({ x: s.epoch, y: s[key] }));
  }
}
