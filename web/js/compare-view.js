// An A/B comparison drawn as one: both runs' curves (compare-charts.js), the two runs' boundaries (or first-layer
// weight pictures) side by side on one scale, the numbers (compare-table.js) with the server's verdicts over the
// paired seeds, and the weight histograms of each layer overlaid. Over several seeds the pictures are the viewed
// seed's, chosen beside them.

import { Boundary } from './boundary.js';
import { WeightImages } from './weight-images.js';
import { OverlayHistograms } from './overlay-histograms.js';
import { AugmentedStrip } from './augmented.js';
import { count, percent, short } from './format.js';
import { CompareTable } from './compare-table.js';
import { fillTable } from './tables.js';
import { fromConfig, trainsDifferently } from './state.js';
import { CompareCharts, RUN_COLOR } from './compare-charts.js';
import { SeedHistories } from './seed-spread.js';
import { SeedPicker } from './seed-picker.js';
import { VerdictList } from './verdict-list.js';
import { Reliability } from './reliability.js';
import { CompareEvidence, evidenceFor } from './compare-evidence.js';
import { Snapshots, pictureNote, runAt } from './scrub.js';

export class CompareView {
  /**
   * `onViewSeed(index)` asks the server to show both runs' models of another paired seed; `lessonEvidence()` is the
   * loaded lesson's evidence kind, or null.
   */
  constructor(root, { onViewSeed, lessonEvidence = () => null }) {
    this.root = root;
    this.lessonEvidence = lessonEvidence;
    this.table = new CompareTable(root.querySelector('#compare-table'));
    this.verdicts = new VerdictList(root.querySelector('#compare-verdict'));
    this.curves = new CompareCharts(root);
    this.evidence = new CompareEvidence(root, RUN_COLOR);
    this.reliability = { a: new Reliability(root.querySelector('#compare-calibration-a')),
      b: new Reliability(root.querySelector('#compare-calibration-b')) };
    this.picker = new SeedPicker(root.querySelector('#compare-seed').parentElement, { onPick: (index) => {
      onViewSeed(index);
      this.drawnSeeds = null;
      for (const run of Object.values(this.runs)) run.best = null;   // the picked seed's comes with its next epoch
      for (const run of Object.values(this.runs)) run.snapshots.clear();   // the pictures kept were another seed's
    } });
    this.histograms = new OverlayHistograms(root.querySelector('#compare-histograms'), { colorA: RUN_COLOR.a, colorB: RUN_COLOR.b });
    this.activations = new OverlayHistograms(root.querySelector('#compare-activations'), { colorA: RUN_COLOR.a, colorB: RUN_COLOR.b });
    this.initTable = root.querySelector('#compare-init-table');
    this.note = root.querySelector('#compare-pictures-note');
    this.augmented = new AugmentedStrip(root.querySelector('#compare-augmented-view'), root.querySelector('#compare-augmented'),
      root.querySelector('#compare-augmented-caption'));
    this.runs = {};
    this.scrubEpoch = null;   // the epoch the scrubber shows, or null: the live state (scrub.js)
    for (const id of ['a', 'b']) {
      this.runs[id] = {
        boundary: new Boundary(root.querySelector(`#compare-boundary-${id}`), root.querySelector(`#compare-boundary-caption-${id}`),
          { brief: true }),
        weights: new WeightImages(root.querySelector(`#compare-weights-${id}`), root.querySelector(`#compare-boundary-caption-${id}`),
          { brief: true }),
      };
    }
    this.clear();
  }

  clear() {
    this.configA = null;
    this.configB = null;
    this.changes = {};
    this.differences = [];
    this.dataset = null;
    for (const [id, run] of Object.entries(this.runs)) {
      Object.assign(run, { history: [], pending: [], latest: null, report: null, views: {}, end: null, best: null,
        seeds: new SeedHistories(), endedSeeds: new Set(), snapshots: new Snapshots() });
      run.boundary.reset();
      this.reliability[id].clear();
    }
    this.said = [];
    this.drawnSeeds = null;
    this.curves.clear();
    this.evidence.clear();
    this.verdicts.clear();
    this.histograms.clear();
    this.activations.clear();
    this.renderTable();
  }

  charts() {
    return [...this.curves.all(), this.evidence.chart];
  }

  started(message) {
    this.clear();
    this.updated(message);
    this.dataset = message.dataset;
    for (const run of Object.values(this.runs)) run.seeds.clear(message.seeds);
    this.picker.setSeeds(message.seeds, message.viewSeed ?? 0);
    this.root.querySelector('.seeds-key').hidden = this.runs.a.seeds.count < 2;
  }

  /** The data's points, for a picture of each run before its boundary: what the comparison shares. */
  points() {
    return this.runs.a.views.points ?? this.runs.b.views.points ?? null;
  }

  /** `started` and `updated` carry both configs, the changes and the keys that differ. */
  updated(message) {
    if (message.config) this.configA = message.config;
    if (message.configB) this.configB = message.configB;
    if (message.changes) this.changes = message.changes;
    if (message.differences) this.differences = message.differences;
  }

  /** A `compare-epoch` frame: each of `a` and `b` is an epoch frame, or null for a run that has ended. */
  frame(message) {
    let any = false;
    for (const id of ['a', 'b']) {
      const part = message[id];
      if (!part) continue;
      const run = this.runs[id];
      for (const s of part.epochs ?? []) {
        while (run.history.length && run.history[run.history.length - 1].epoch >= s.epoch) run.history.pop();
        run.history.push(s);
        run.pending.push(s);
        run.latest = s;
        any = true;
      }
      run.seeds.addFrame(part.seeds, part.epochs);
      if (part.best) run.best = part.best;
      if (part.report) run.report = part.report;
      if (part.views) run.views = { ...run.views, ...part.views };
      if (part.views && run.latest) run.snapshots.add(run.latest.epoch, run.views);
      any ||= !!part.report || !!part.seeds;
    }
    if (message.viewSeed != null) this.picker.showing(message.viewSeed);
    if (message.claims || message.verdicts) {
      this.said = [...(message.claims ?? []), ...(message.verdicts ?? [])];
      any = true;
    }
    return any;
  }

  /** An end event of one seed of one run (`run`: "a" or "b"); the viewed seed's is the run's end on screen. */
  ended(message) {
    const run = this.runs[message.run];
    if (!run) return;
    run.endedSeeds.add(message.seed ?? 0);
    if ((message.seed ?? 0) !== this.picker.index) return;
    const { type: _type, ...end } = message;
    run.end = end;
    if (message.trainLoss != null) run.latest = { ...(run.latest ?? {}), ...message, epoch: message.epochs };
  }

  /** Every seed of both runs has ended. */
  hasEnded() {
    return Object.values(this.runs).every((run) => run.endedSeeds.size >= run.seeds.count);
  }

  /**
   * `status` is the comparison's (running, paused...): a run that has not ended shows it. `points`: the data of a run
   * of the same config, drawn in both pictures until the comparison has its own.
   */
  render(status, points = null) {
    this.status = status;
    this.addPending();
    this.evidence.mark(this.curves.markEpochs(this.runs));
    this.evidence.choose(evidenceFor(this.lessonEvidence(), this.configA, this.configB));
    this.evidence.render(this.runs, { a: this.configA, b: this.configB }, this.picker.picked(), this.scrubEpoch);
    this.root.querySelector('#compare-train-note').hidden = ![this.configA, this.configB]
      .some((config) => config && trainsDifferently(fromConfig(config)));
    this.curves.redraw();
    this.renderTable();
    this.verdicts.render(this.said);
    for (const [id, run] of Object.entries(this.runs)) {
      if (run.report) this.reliability[id].render(run.report.calibration, run.best, run.report.epoch ?? run.latest?.epoch);
    }
    this.renderHistograms();
    this.renderPictures(points);
  }

  /** The viewed seed's new points, then (over several seeds) each run's medians and bands, when something moved. */
  addPending() {
    for (const [id, run] of Object.entries(this.runs)) {
      this.curves.add(id, run.pending);
      run.pending = [];
    }
    const version = `${this.runs.a.seeds.version}/${this.runs.b.seeds.version}`;
    if (version === this.drawnSeeds) return;
    this.drawnSeeds = version;
    for (const [id, run] of Object.entries(this.runs)) this.curves.drawSeeds(id, run.seeds, this.picker.picked());
  }

  renderTable() {
    const sparse = this.lessonEvidence() === 'sparsity' || [this.configA, this.configB].some((config) => (config?.l1 ?? 0) > 0);
    this.table.render(this.shownRuns(), (id) => this.statusOf(this.runs[id]), { sparse });
  }

  /** Both runs as the screen shows them: live, or as they stood at the scrubbed epoch (scrub.js). */
  shownRuns() {
    if (this.scrubEpoch == null) return this.runs;
    return { a: runAt(this.runs.a, this.scrubEpoch), b: runAt(this.runs.b, this.scrubEpoch) };
  }

  /** The epochs the pictures on screen are from, A's and B's (null for the live state's). */
  pictureEpochs() {
    const runs = this.shownRuns();
    return [runs.a.pictureEpoch ?? null, runs.b.pictureEpoch ?? null];
  }

  renderHistograms() {
    const layersA = this.runs.a.report?.layers ?? [];
    const layersB = this.runs.b.report?.layers ?? [];
    const n = Math.max(layersA.length, layersB.length);
    const weights = [];
    const activations = [];
    const rows = [];
    for (let i = 0; i < n; i++) {
      const la = layersA[i];
      const lb = layersB[i];
      const shape = la ?? lb;
      weights.push({
        title: `layer ${i + 1} (${shape.fanIn}→${shape.fanOut})`, a: la?.weights ?? null, b: lb?.weights ?? null,
        zerosA: la ? la.weightCount - la.nonZeroCount : null, zerosB: lb ? lb.weightCount - lb.nonZeroCount : null,
      });
      const hidden = i < n - 1;
      if (hidden) activations.push({ title: `hidden ${i + 1}`, a: la?.activations ?? null, b: lb?.activations ?? null });
      rows.push([hidden ? `hidden ${i + 1}` : 'output', short(la?.activationStd), short(lb?.activationStd),
        percent(la?.stuckFraction, 0), percent(lb?.stuckFraction, 0), gradient(la), gradient(lb)]);
    }
    this.histograms.render(weights);
    this.activations.render(activations);
    fillTable(this.initTable, ['layer', 'A: std of a', 'B: std of a', 'A: stuck', 'B: stuck', 'A: ‖∂L̄/∂W‖', 'B: ‖∂L̄/∂W‖'], rows);
  }

  renderPictures(data) {
    const regression = this.dataset?.task === 'regression';
    const runs = this.shownRuns();
    // One scale for both pictures: the larger run's largest |w|, so L2's smaller weights look fainter side by side.
    const scale = Math.max(0, ...Object.values(runs).map((run) => run.views.weights?.scale ?? 0));
    let drawn = false;
    for (const [id, run] of Object.entries(runs)) {
      const { boundary, points, weights } = run.views;
      const box = this.root.querySelector(`#compare-boundary-${id}`).parentElement;
      box.hidden = !boundary && !(data && !weights);
      if (!boundary && !weights && data) run.boundary.renderPoints(data);
      this.root.querySelector(`#compare-boundary-caption-${id}`).hidden = !(boundary || weights);
      this.root.querySelector(`#compare-weights-${id}`).hidden = !weights;
      if (boundary) run.boundary.render(boundary, points, regression);
      if (weights) {
        run.weights.setInputs(run.views.inputs, this.dataset?.featureNames);
        run.weights.render(weights, { scale });
      }
      drawn ||= !!(boundary || weights);
    }
    // The run that augments shows what its augmenter makes (B, when the comparison is about augmentation).
    const augmenting = ['b', 'a'].find((id) => this.runs[id].views.augmented);
    this.augmented.render(augmenting ? this.runs[augmenting].views.augmented : null, augmenting?.toUpperCase());
    // Wide pictures (a row of inputs, a map) read better one above the other than squeezed side by side.
    const wide = Object.values(this.runs).some((run) => run.views.weights && run.views.weights.width > 1.5 * run.views.weights.height);
    this.root.querySelector('.side-by-side').classList.toggle('stacked', wide);
    const inputs = this.dataset?.inputSize;
    const picked = this.picker.picked();
    const seed = picked == null ? '' : ` (seed ${this.runs.a.seeds.seedOf(picked) ?? picked + 1})`;
    const scrubbed = this.scrubEpoch == null ? '' : `${pictureNote(this.pictureEpochs()).replace(/^./, (c) => c.toUpperCase())}. `;
    this.note.textContent = drawn ? `${scrubbed}Same data and seed${seed}: what differs comes from the change. Both pictures share one colour scale.`
      : this.dataset ? `${inputs ? `${count(inputs)} inputs: ` : ''}no picture to draw for this data; compare the chart below instead.`
        : 'Start the comparison to see both models side by side.';
  }

  /** Rows for a CSV: every epoch of both runs, marked A or B. */
  csvRows() {
    return ['a', 'b'].flatMap((id) => {
      const { seeds, history } = this.runs[id];
      // Over several seeds every seed's epochs, marked with the seed (the viewed history mixes seeds once one is picked).
      if (seeds.count < 2) return history.map((s) => ({ run: id.toUpperCase(), ...s }));
      return seeds.histories.flatMap((epochs, i) => epochs.map((s) => ({ run: id.toUpperCase(), seed: seeds.seedOf(i), ...s })));
    });
  }

  json() {
    return {
      format: 'gaplab-comparison-metrics',
      version: 1,
      seed: this.configA?.seed ?? null,
      differences: this.differences,
      changes: this.changes,
      a: { config: this.configA, end: this.runs.a.end, epochs: this.runs.a.history, ...this.seedsJson(this.runs.a) },
      b: { config: this.configB, end: this.runs.b.end, epochs: this.runs.b.history, ...this.seedsJson(this.runs.b) },
      dataset: this.dataset,
      ...(this.said.length ? { verdicts: this.said } : {}),
    };
  }

  /** Over several seeds, every seed's epochs of one run. */
  seedsJson(run) {
    if (run.seeds.count < 2) return {};
    return { seeds: run.seeds.histories.map((epochs, i) => ({ seed: run.seeds.seedOf(i), epochs })) };
  }

  statusOf(run) {
    if (run.end) return run.end.event ?? run.end.reason ?? 'ended';
    return run.latest ? this.status ?? 'running' : '–';
  }

  lastEpoch() {
    return Math.max(this.runs.a.latest?.epoch ?? -1, this.runs.b.latest?.epoch ?? -1);
  }
}

const gradient = (layer) => (layer == null ? '–' : layer.gradientNorm === 0 ? '0 (no signal)' : short(layer.gradientNorm));
