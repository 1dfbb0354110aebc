// What a run's numbers say, decided from the numbers alone (no lesson is named here): its best validation epoch, and
// the two readings TEACHING.md asks the page to say out loud. A gap that narrows while the best validation loss does
// not improve is underfitting, not a win; validation loss rising while validation accuracy stays flat is
// overconfidence. Pure functions of every epoch's scalars, so tests and views share them.

import { loss, percent } from './format.js';

/** The validation loss must rise by this fraction of its best (and at least RISE_MIN) to count as rising. */
const RISE_FRACTION = 0.1;
const RISE_MIN = 0.02;
/** The rise must have lasted: at least this many epochs past the best, measured on the mean of the last few. */
const SINCE_BEST = 10;
const RECENT = 5;
/** Accuracy within this many points of its value at the best epoch counts as flat. */
const FLAT_ACCURACY = 0.02;
/** Best validation losses closer than this fraction (or LOSS_MIN) count as the same: no win the table cannot show. */
const LOSS_FRACTION = 0.01;
const LOSS_MIN = 0.001;
/** Gaps closer than this fraction of the wider one (or GAP_MIN) count as the same. */
const GAP_FRACTION = 0.1;
const GAP_MIN = 0.005;

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

/**
 * `history`: every epoch's scalars, oldest first; `latest`: the model as it stands now (the restored model's numbers
 * after early stopping). Returns {best, latest}: best is the trained epoch with the lowest validation loss.
 */
export function summarize(history, latest = history[history.length - 1]) {
  let best = null;
  for (const s of history) {
    if (s.epoch === 0 && history.length > 1) continue;        // the untrained network is nobody's best
    if (finite(s.validationLoss) && (best == null || s.validationLoss < best.validationLoss)) best = s;
  }
  const tail = history.slice(-RECENT);
  const mean = (key) => tail.reduce((sum, s) => sum + s[key], 0) / tail.length;
  const recent = tail.length ? { epoch: tail[tail.length - 1].epoch, validationLoss: mean('validationLoss'),
    validationAccuracy: mean('validationAccuracy') } : null;
  return { best, latest: latest ?? null, recent };
}

/**
 * Validation loss well above its best, for a while now (the mean of the last epochs, at least SINCE_BEST epochs after
 * the best), while validation accuracy has not fallen below its value at the best epoch (flat, or even higher): the
 * loss rose without new mistakes, so the points it gets wrong cost more.
 */
export function overconfident({ best, recent }) {
  if (!best || !recent || !finite(best.validationAccuracy) || !finite(recent.validationAccuracy)) return false;
  if (recent.epoch - best.epoch < SINCE_BEST) return false;
  const rise = recent.validationLoss - best.validationLoss;
  return rise > Math.max(RISE_MIN, RISE_FRACTION * best.validationLoss)
    && recent.validationAccuracy >= best.validationAccuracy - FLAT_ACCURACY;
}

/** The sentence for an overconfident run (`who`: "The run", "A", "B"), or null. */
export function overconfidence(summary, who = 'The run') {
  if (!overconfident(summary)) return null;
  const { best, recent } = summary;
  return `${who} is overconfident: validation loss up from ${loss(best.validationLoss)} (epoch ${best.epoch}) to `
    + `${loss(recent.validationLoss)} (last ${RECENT} epochs) while validation accuracy does not fall `
    + `(${percent(best.validationAccuracy)} → ${percent(recent.validationAccuracy)}): surer of the points it gets wrong, not new mistakes.`;
}

/**
 * What A and B's numbers say against each other, as sentences: which generalizes better (lower best validation loss,
 * and validation accuracy at that epoch not lower), a narrower gap that is underfitting, which model is better as it
 * stands, and overconfidence. A summary may say `stoppedEarly` (its latest model is its best epoch's, restored).
 */
export function compare(a, b) {
  const runs = [{ name: 'A', ...a }, { name: 'B', ...b }];
  if (!a.best || !b.best || !a.latest || !b.latest) return [];
  const lines = [];
  for (const [x, y] of [[runs[1], runs[0]], [runs[0], runs[1]]]) {
    if (wins(x, y)) {
      const accuracy = finite(x.best.validationAccuracy)
        ? `; validation accuracy there ${percent(x.best.validationAccuracy)} vs ${percent(y.best.validationAccuracy)}` : '';
      lines.push(`${x.name} generalizes better: best validation loss ${loss(x.best.validationLoss)} (epoch ${x.best.epoch}) `
        + `vs ${loss(y.best.validationLoss)} (${y.best.epoch})${accuracy}.`);
    }
  }
  // A run that stopped early shows its best epoch's gap against the other's latest one: no like-for-like reading.
  const comparableGaps = !a.stoppedEarly && !b.stoppedEarly;
  for (const [x, y] of [[runs[1], runs[0]], [runs[0], runs[1]]]) {
    if (comparableGaps && narrower(x.latest.gap, y.latest.gap) && !lower(x, y)) {
      const worse = x.latest.trainLoss > y.latest.trainLoss
        ? ` and its training loss is higher (${loss(x.latest.trainLoss)} vs ${loss(y.latest.trainLoss)})` : '';
      lines.push(`${x.name}’s narrower gap (${loss(x.latest.gap)} vs ${loss(y.latest.gap)}) is underfitting, not a win: its best `
        + `validation loss is not lower (${loss(x.best.validationLoss)} vs ${loss(y.best.validationLoss)})${worse}.`);
    }
  }
  if (!lines.length) {
    lines.push(`Neither run generalizes better at its best epoch: their best validation losses are alike `
      + `(A ${loss(a.best.validationLoss)}, B ${loss(b.best.validationLoss)}).`);
  }
  // The models as they stand may differ where the best epochs do not: a run that stopped early and restored its best
  // weights against one that trained on past its best.
  for (const [x, y] of [[runs[1], runs[0]], [runs[0], runs[1]]]) {
    if (wins(x, y) || !lowerLossNow(x, y)) continue;
    if (!lessAccurateNow(x, y)) {
      lines.push(`As they stand now, ${x.name}’s model is the better one: validation loss `
        + `${loss(x.latest.validationLoss)} vs ${loss(y.latest.validationLoss)}.`);
    } else {
      // Loss weighs how sure each answer is, accuracy only whether it is right: an overconfident model can count more
      // points right and still lose more on the ones it gets wrong. Say both rather than pick one.
      lines.push(`As they stand now, ${x.name}’s validation loss is lower (${loss(x.latest.validationLoss)} vs `
        + `${loss(y.latest.validationLoss)}) but so is its validation accuracy (${percent(x.latest.validationAccuracy)} vs `
        + `${percent(y.latest.validationAccuracy)}): loss and accuracy disagree here.`);
    }
  }
  for (const run of runs) {
    const said = overconfidence(run, run.name);
    if (said) lines.push(said);
  }
  return lines;
}

/** x's best validation loss is clearly below y's. */
function lower(x, y) {
  return y.best.validationLoss - x.best.validationLoss > Math.max(LOSS_MIN, LOSS_FRACTION * y.best.validationLoss);
}

/** x's model as it stands now has a clearly lower validation loss than y's. */
function lowerLossNow(x, y) {
  const lx = x.latest.validationLoss;
  const ly = y.latest.validationLoss;
  return finite(lx) && finite(ly) && ly - lx > Math.max(LOSS_MIN, LOSS_FRACTION * ly);
}

/** x's model as it stands now has a lower validation accuracy than y's (both known). */
function lessAccurateNow(x, y) {
  const ax = x.latest.validationAccuracy;
  const ay = y.latest.validationAccuracy;
  return finite(ax) && finite(ay) && ax < ay;
}

function wins(x, y) {
  if (!lower(x, y)) return false;
  const ax = x.best.validationAccuracy;
  const ay = y.best.validationAccuracy;
  return !finite(ax) || !finite(ay) || ax >= ay;
}

function narrower(gap, other) {
  if (!finite(gap) || !finite(other)) return false;
  return other - gap > Math.max(GAP_MIN, GAP_FRACTION * Math.abs(other));
}
