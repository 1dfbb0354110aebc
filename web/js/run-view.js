// The cards of one run: every widget that draws a single run's epochs, report and views. The page controller hands
// it the server's frames; it keeps what it needs to draw (and every epoch's scalars, for the downloads) and draws at
// most once per animation frame. Over several seeds the charts draw every seed's spread, while the report and the
// pictures are the viewed seed's (the seed picker asks the server for another); the verdicts are the server's.

import { Metrics } from './metrics.js';
import { Curves } from './curves.js';
import { Objective } from './objective.js';
import { Sparsity } from './sparsity.js';
import { WeightSize } from './weight-size.js';
import { SwingHint } from './loss-swing.js';
import { HistogramGrid } from './histograms.js';
import { Distributions } from './distributions.js';
import { Spectrum } from './spectrum.js';
import { GradientNorms } from './gradients.js';
import { Boundary } from './boundary.js';
import { WeightImages } from './weight-images.js';
import { AugmentedStrip } from './augmented.js';
import { ClassAccuracy } from './class-accuracy.js';
import { ConfusionTable, MisclassifiedStrip, MostConfused } from './confusion.js';
import { NetworkDiagram } from './network.js';
import { NeuronStrip } from './neuron-strip.js';
import { count, percent, short } from './format.js';
import { OKABE_ITO } from './palette.js';
import { SeedHistories } from './seed-spread.js';
import { SeedPicker } from './seed-picker.js';
import { VerdictList } from './verdict-list.js';
import { Reliability } from './reliability.js';
import { trainsDifferently } from './state.js';
import { fillTable } from './tables.js';
import { Snapshots, captionFrom, numbersAt } from './scrub.js';

const $ = (selector) => document.querySelector(selector);
/** The bench shows this many of the misclassified images; the Mistakes tab every one the server sends. */
const FIRST_MISTAKES = 6;

export class RunView {
  /**
   * `family(dataset)` names a dataset's family (points, features, images), as the server marks it; `onViewSeed(index)`
   * asks the server to show another seed's model; `lessonEvidence()` the loaded lesson's evidence kind, or null.
   */
  constructor({ family, onViewSeed, lessonEvidence = () => null }) {
    this.family = family;
    this.lessonEvidence = lessonEvidence;
    this.seeds = new SeedHistories();
    this.picker = new SeedPicker($('#run-seed').parentElement, { onPick: (index) => {
      onViewSeed(index);
      this.drawnSeeds = -1;         // the picked seed's curve changes at once; its pictures when the server answers
      this.snapshots.clear();       // the pictures kept were another seed's
      this.best = null;             // and its best epoch with its next trained epoch
    } });
    this.verdicts = new VerdictList($('#run-verdict'));
    this.reliability = new Reliability($('#calibration'));
    // The calibration tab is one click under the bench: this link opens it where the curves raise the question.
    $('#show-calibration').addEventListener('click', () => {
      $('#tab-calibration').click();
      $('#detail-calibration').scrollIntoView({ block: 'nearest' });
    });
    // and the whole confusion matrix under the few mistakes the bench has room for
    $('#show-mistakes').addEventListener('click', () => {
      $('#tab-mistakes').click();
      $('#detail-mistakes').scrollIntoView({ block: 'nearest' });
    });
    this.metrics = new Metrics($('.metrics'));
    this.curves = new Curves($('#loss-chart'), $('#accuracy-chart'), $('#loss-caption'), $('#accuracy-caption'));
    this.objective = new Objective($('#objective'));
    this.sparsity = new Sparsity($('#sparsity-counted'));
    this.weightSize = new WeightSize($('#weight-size'));
    this.swing = new SwingHint($('#swing-hint'));
    this.weightHistograms = new HistogramGrid($('#weight-histograms'), { color: OKABE_ITO.blue, stableAxis: true });
    this.activationHistograms = new HistogramGrid($('#activation-histograms'), { color: OKABE_ITO.green });
    this.distributions = new Distributions($('#weights'));
    this.spectrumBox = $('#spectrum');
    this.spectrum = new Spectrum($('#spectrum-chart'));
    this.gradients = new GradientNorms($('#gradient-chart'));
    this.boundary = new Boundary($('#boundary-canvas'), $('#boundary-caption'));
    this.weightImages = new WeightImages($('#weight-images'), $('#weight-images-caption'));
    this.augmented = new AugmentedStrip($('#augmented-view'), $('#augmented'), $('#augmented-caption'));
    this.classAccuracy = new ClassAccuracy($('#class-accuracy-view'), $('#class-accuracy'));
    this.confusion = new ConfusionTable($('#confusion-view'), $('#confusion'));
    this.misclassified = new MisclassifiedStrip($('#misclassified-view'), $('#misclassified'), $('#misclassified-caption'));
    this.mostConfused = new MostConfused($('#mistakes-view'), $('#most-confused'), $('#mistakes-none'));
    this.firstMistakes = new MisclassifiedStrip(null, $('#misclassified-first'), null, { limit: FIRST_MISTAKES });
    this.network = new NetworkDiagram($('#network-diagram'), $('#network-caption'));
    this.neurons = new NeuronStrip($('#neuron-strip-view'), $('#neuron-strip'), $('#neuron-strip-caption'));
    this.snapshots = new Snapshots();   // the model views at some epochs, for scrubbing (scrub.js)
    this.scrubEpoch = null;             // the epoch the scrubber shows, or null: the live state
    this.clearRun();
  }

  clearRun() {
    this.dataset = null;
    this.config = null;
    this.totalEpochs = 0;
    this.latest = null;          // newest scalars
    this.report = null;
    this.views = {};
    this.pending = [];           // scalars not drawn yet
    this.history = [];           // every epoch's scalars, for the downloads
    this.updates = [];           // live changes: {afterEpoch, config}
    this.end = null;
    this.best = null;            // the viewed seed's best epoch and its calibration, as the server says
    this.said = [];              // the server's verdicts: the lesson's claims, then the generic ones
    this.drawnSeeds = -1;        // the SeedHistories version the charts last drew
    this.endedSeeds = new Set(); // seeds whose run has ended
    this.snapshots.clear();
  }

  /**
   * Every epoch's scalars with the config (and live changes) and seed that made them: the metrics JSON. Over several
   * seeds, every seed's epochs too, and the verdicts they gave.
   */
  json() {
    const many = this.seeds.count > 1;
    return { format: 'gaplab-metrics', version: 1, seed: this.config?.seed ?? null, config: this.config,
      updates: this.updates, dataset: this.dataset, end: this.end, epochs: this.history,
      ...(many ? { seeds: this.seeds.histories.map((epochs, i) => ({ seed: this.seeds.seedOf(i), epochs })),
        verdicts: this.said } : {}) };
  }

  /** Rows for a CSV: every epoch; over several seeds every seed's epochs, marked with the seed. */
  rows() {
    if (this.seeds.count < 2) return this.history;
    return this.seeds.histories.flatMap((epochs, i) => epochs.map((s) => ({ seed: this.seeds.seedOf(i), ...s })));
  }

  /** A `started` message: a fresh run, nothing drawn yet. */
  started(message) {
    this.clearRun();
    this.dataset = message.dataset;
    this.config = message.config ?? null;
    this.totalEpochs = message.config?.epochs ?? 0;
    this.curves.reset();
    this.curves.setMonitor(message.config?.earlyStopping?.monitor, message.config?.earlyStopping?.minDelta);
    this.sparsity.reset();
    this.weightSize.reset();
    this.swing.reset();
    this.weightHistograms.reset();
    this.distributions.reset();
    this.gradients.reset();
    this.spectrum.clear();
    this.boundary.reset();
    this.metrics.clear();
    this.classAccuracy.setClasses(message.dataset?.classNames);
    this.confusion.setClasses(message.dataset?.classNames);
    this.misclassified.setClasses(message.dataset?.classNames);
    this.mostConfused.setClasses(message.dataset?.classNames);
    this.firstMistakes.setClasses(message.dataset?.classNames);
    this.network.setFeatures(message.dataset?.featureNames);
    this.seeds.clear(message.seeds);
    this.picker.setSeeds(message.seeds, message.viewSeed ?? 0);
    $('#curves .seeds-key').hidden = this.seeds.count < 2;      // what the bands mean, once there are bands
    this.verdicts.clear();
    this.reliability.clear();
  }

  /** An `updated` event: the live settings now in effect. */
  updated(config) {
    if (!config) return;
    this.updates.push({ afterEpoch: this.latest?.epoch ?? 0, config });
    this.config = { ...this.config, ...config };
    if (config.epochs) this.totalEpochs = config.epochs;
    if (config.learningRate != null) this.swing.reset();     // a new rate gets its own verdict
    this.curves.setMonitor(config.earlyStopping?.monitor, config.earlyStopping?.minDelta);
  }

  /** One `epoch` frame: every epoch's scalars since the last, the newest report, and the views that changed. */
  frame(message) {
    const epochs = message.epochs ?? [];
    if (!epochs.length && !message.report && !message.seeds && !message.verdicts) return false;
    for (const s of epochs) {
      // A reset replays from epoch 0: the history, like the curves, restarts there.
      while (this.history.length && this.history[this.history.length - 1].epoch >= s.epoch) this.history.pop();
      this.history.push(s);
    }
    this.pending.push(...epochs);
    this.seeds.addFrame(message.seeds, epochs);
    if (message.viewSeed != null) this.picker.showing(message.viewSeed);
    if (message.best) this.best = message.best;
    if (message.claims || message.verdicts) this.said = [...(message.claims ?? []), ...(message.verdicts ?? [])];
    if (epochs.length) this.latest = epochs[epochs.length - 1];
    if (message.report) {
      this.report = message.report;
      // Per-layer histories are sampled from every report, not only the ones that reach the screen.
      this.sparsity.addReport(message.report);
      this.distributions.addReport(message.report);
      this.gradients.addReport(message.report);
      this.spectrum.add(message.report.layers);
    }
    if (message.views) this.views = { ...this.views, ...message.views };
    if (message.views && this.latest) this.snapshots.add(this.latest.epoch, this.views, this.report);
    // The numbers are text: update them at once; charts wait for the next animation frame.
    if (this.latest) this.metrics.show(this.latest, this.totalEpochs);
    return true;
  }

  /**
   * One seed's end event (each seed's run ends by itself; early stopping may end one sooner). The viewed seed's marks
   * the best epoch and the stop, and shows the final model's numbers. Returns whether every seed has ended.
   */
  ended(message) {
    this.endedSeeds.add(message.seed ?? 0);
    const all = this.endedSeeds.size >= this.seeds.count;
    if ((message.seed ?? 0) !== this.picker.index) return all;
    const { type: _type, ...end } = message;
    this.end = end;
    this.curves.mark({ best: message.bestEpoch, stop: message.event === 'early-stopped' ? message.epochs : null });
    if (message.trainLoss != null) {
      // The final metrics are those of the model as it ends (the best epoch's when its weights were restored).
      this.latest = { ...(this.latest ?? {}), ...message, epoch: message.epochs };
      this.metrics.show(this.latest, this.totalEpochs);
    }
    return all;
  }

  render(values, runExists) {
    // Scrubbed: that epoch's numbers and the nearest snapshot's pictures; the charts mark it (scrub.js).
    const picture = this.scrubEpoch == null ? null : this.snapshots.nearest(this.scrubEpoch);
    this.pictureEpoch = picture?.epoch ?? null;
    const numbers = this.scrubEpoch == null ? this.latest : numbersAt(this.history, this.scrubEpoch) ?? this.latest;
    if (numbers) this.metrics.show(numbers, this.totalEpochs);
    const epochs = this.pending;
    this.pending = [];
    if (epochs.length) {
      this.curves.add(epochs);
      this.sparsity.add(epochs);
      this.weightSize.add(epochs);
      this.swing.check(this.history, this.config?.learningRate);
    }
    // Scrubbed, the report kept with the pictures: histograms, the network and the mistakes of that epoch too.
    const report = picture?.report ?? this.report;
    const views = picture?.views ?? this.views;
    if (this.drawnSeeds !== this.seeds.version) {
      this.drawnSeeds = this.seeds.version;
      this.curves.drawSeeds(this.seeds, this.picker.picked());
      this.sparsity.drawSeeds(this.seeds, this.picker.picked());
      this.weightSize.drawSeeds(this.seeds, this.picker.picked());
    }
    if (this.best?.epoch > 0) this.curves.mark({ best: this.best.epoch });
    this.curves.render();
    if (this.latest) this.objective.show(this.latest);
    this.verdicts.render(this.said);
    if (report) this.reliability.render(report.calibration, this.best, report.epoch ?? this.latest?.epoch);
    if (this.sparse) this.sparsity.render(report);
    else this.weightSize.render(report, this.latest);
    this.distributions.show();
    this.gradients.render();
    if (!this.spectrumBox.closest('[hidden]')) this.spectrum.draw();
    if (report) {
      const layers = report.layers ?? [];
      this.weightHistograms.render(layers.map((layer, i) => ({
        title: `layer ${i + 1} (${layer.fanIn}→${layer.fanOut})`,
        histogram: layer.weights,
        zeros: layer.weightCount - layer.nonZeroCount,
        caption: `${percent(layer.zeroFraction)} exactly 0, ‖w‖₂ ${short(layer.l2Norm)}`,
      })));
      const hidden = layers.slice(0, -1);
      this.activationHistograms.render(hidden.map((layer, i) => ({
        title: `hidden ${i + 1}`,
        histogram: layer.activations,
        caption: `mean ${short(layer.activationMean)}, std ${short(layer.activationStd)}, stuck ${percent(layer.stuckFraction, 0)}`,
      })));
      fillTable($('#activation-table'), ['layer', 'activation mean', 'std', 'saturated or dead', '‖∂L̄/∂W‖'], layers.map((layer, i) => [
        i === layers.length - 1 ? 'output' : `hidden ${i + 1}`, short(layer.activationMean), short(layer.activationStd),
        percent(layer.stuckFraction), layer.gradientNorm === 0 ? '0 (no signal)' : short(layer.gradientNorm)]));
      fillTable($('#norms-table'), ['layer', 'weights', '‖w‖₁', '‖w‖₂', 'exactly 0'], layers.map((layer, i) => [
        `${i + 1}: ${layer.fanIn}→${layer.fanOut}`, count(layer.weightCount), short(layer.l1Norm, 4), short(layer.l2Norm, 4),
        percent(layer.zeroFraction)]));
      this.classAccuracy.render(report.classAccuracy);
      this.confusion.render(report.confusion ?? null, report.classAccuracy);
      this.mostConfused.render(report.confusion ?? null);
      this.network.render(layers, views.network?.layers, views.neurons ?? null);
    }
    if (views.boundary) this.boundary.render(views.boundary, views.points, this.dataset?.task === 'regression');
    else if (views.points) this.boundary.renderPoints(views.points);
    this.neurons.render(views.neurons ?? null);
    if (views.weights) {
      this.weightImages.setInputs(views.inputs, this.dataset?.featureNames);
      this.weightImages.render(views.weights);
    }
    captionFrom(this.boundary.caption, this.pictureEpoch);
    captionFrom(this.weightImages.caption, this.pictureEpoch);
    this.augmented.render(views.augmented ?? null);
    this.misclassified.render(views.misclassified ?? null);
    this.firstMistakes.render(views.misclassified ?? null);
    this.showDataViews(this.dataset?.name ?? values.dataset, values, runExists);
  }

  /**
   * The third card and the last tile: sparsity counted while L1 is on (alone or in an elastic net) or the lesson is
   * about it; else the weights' size, since a table of zeros says nothing.
   */
  showSparsity(sparse) {
    if (sparse === this.sparse) return;
    this.sparse = sparse;
    $('#sparsity-counted').hidden = !sparse;
    $('#weight-size').hidden = sparse;
    $('.metric[data-metric="zero-fraction"]').hidden = !sparse;
    $('.metric[data-metric="weight-norm"]').hidden = sparse;
  }

  /** Shows the boundary for 2-D sets, the first layer's pictures for every other set. */
  showDataViews(name, values, runExists) {
    const points = this.family(name) === 'points';
    $('#boundary-view').hidden = !points;
    $('#weight-images-view').hidden = points;
    const init = document.querySelector('#in-init')?.selectedOptions[0];
    $('#init-formula').textContent = init?.dataset.formula ? `Initialization now: ${init.textContent}: ${init.dataset.formula}` : '';
    $('#run-train-note').hidden = !trainsDifferently(values);
    this.showSparsity((this.config ?? values).l1 > 0 || this.lessonEvidence() === 'sparsity');
    const note = $('#dataset-note');
    if (points) {
      note.textContent = '';
    } else {
      const inputs = this.dataset?.name === name ? this.dataset.inputSize : null;
      note.textContent = !this.views.weights && runExists ? 'Waiting for the first weight pictures from the server…'
        : inputs && !this.dataset?.image ? `${count(inputs)} inputs: the first layer’s weights, one row or map per unit.` : '';
    }
  }
}
