// The page controller: wires the widgets to each other, to the URL and to the training socket. Widgets never import
// each other; they get callbacks from here. Training runs on the server; this file only sends commands and draws.

import { Connection } from './socket.js';
import { Controls } from './controls.js';
import { changedKeys, parseQuery, toConfig, toQuery } from './state.js';
import { Transport } from './transport.js';
import { Metrics } from './metrics.js';
import { Curves } from './curves.js';
import { Objective } from './objective.js';
import { Sparsity } from './sparsity.js';
import { HistogramGrid } from './histograms.js';
import { Distributions } from './distributions.js';
import { GradientNorms } from './gradients.js';
import { Boundary } from './boundary.js';
import { WeightImages } from './weight-images.js';
import { AugmentedStrip } from './augmented.js';
import { ClassAccuracy } from './class-accuracy.js';
import { NetworkDiagram } from './network.js';
import { LessonPicker } from './lessons.js';
import { ShareLink } from './share.js';
import { count, percent, short } from './format.js';
import { OKABE_ITO } from './palette.js';

const $ = (selector) => document.querySelector(selector);
const TWO_D = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'plane'];
const IMAGES = ['shapes', 'fashion-mnist'];
/** Names hide= accepts besides settings and groups: parts of the page. */
const PAGE_PARTS = {
  settings: '#controls', transport: '.transport', lesson: '.lesson-picker', share: '.share', metrics: '.metrics',
  curves: '#curves', objective: '#objective', 'data-view': '#data-view', sparsity: '#sparsity', weights: '#weights',
  init: '#init', network: '#network', watch: '#watch',
};
const UPDATE_DELAY_MS = 150;

/** Everything the page knows about the run on the server. */
const run = {
  exists: false,          // the server has a run for this socket
  status: 'ready',
  sent: null,             // the flat values the run was started with, plus live updates since
  awaitingStart: false,
  totalEpochs: 0,
  dataset: null,
  latest: null,           // newest scalars
  report: null,
  views: {},
  pendingEpochs: [],
  dirty: false,
};
let connected = false;
let autostart = false;
let page = {};
let speedDefaults = {};

const metrics = new Metrics($('.metrics'));
const curves = new Curves($('#loss-chart'), $('#accuracy-chart'), $('#loss-caption'), $('#accuracy-caption'));
const objective = new Objective($('#objective'));
const sparsity = new Sparsity($('#sparsity'));
const weightHistograms = new HistogramGrid($('#weight-histograms'), { color: OKABE_ITO.blue });
const activationHistograms = new HistogramGrid($('#activation-histograms'), { color: OKABE_ITO.green });
const distributions = new Distributions($('#weights'));
const gradients = new GradientNorms($('#gradient-chart'));
const boundary = new Boundary($('#boundary-canvas'), $('#boundary-caption'));
const weightImages = new WeightImages($('#weight-images'));
const augmented = new AugmentedStrip($('#augmented-view'), $('#augmented'), $('#augmented-caption'));
const classAccuracy = new ClassAccuracy($('#class-accuracy-view'), $('#class-accuracy'));
const network = new NetworkDiagram($('#network-diagram'), $('#network-caption'));
const controls = new Controls($('#controls'), { onChange: settingChanged });
const lessons = new LessonPicker($('#preset'), $('#watch'), { onPick: lessonPicked });
const transport = new Transport($('.transport'), {
  onStart: start, onPause: () => send({ type: 'pause' }), onResume: () => send({ type: 'resume' }),
  onStep: step, onReset: reset, onSpeed: speedChanged,
});
new ShareLink($('#copy-link'), $('#copy-status'));
const connection = new Connection({ onMessage: received, onState: connectionChanged });

restoreFromUrl();
objective.setConfig(controls.values());
objective.clear();
showDataViews(controls.values().dataset, null);
setStatus('ready');
$('#regenerate').addEventListener('click', regenerate);
connection.connect();

// ---- URL <-> controls ------------------------------------------------------------------------------------------

function restoreFromUrl() {
  const parsed = parseQuery(window.location.search, controls.kinds());
  page = parsed.page;
  const lesson = page.preset ? lessons.choose(page.preset) : null;
  if (lesson) controls.set(lessonValues(lesson));
  controls.set(parsed.values);
  if (page.speed != null && Number.isFinite(page.speed)) transport.setSpeed(page.speed);
  if (page.embed) document.body.classList.replace('full', 'embed');
  if (page.hide?.length) hideParts(page.hide);
  if (parsed.unknown.length) banner(`Ignored unknown URL keys: ${parsed.unknown.join(', ')}`);
  autostart = page.autostart === true;
  updateOpenFullLink();
}

/** A lesson's config over the defaults: a preset sets every control, not just the ones it mentions. */
function lessonValues(lesson) {
  const flat = {};
  const defaults = controls.defaults();
  const nested = lesson.config;
  for (const key of Object.keys(defaults)) {
    const dot = key.indexOf('.');
    if (dot < 0) {
      if (key in nested) flat[key] = nested[key];
    } else {
      const outer = nested[key.slice(0, dot)];
      const inner = key.slice(dot + 1);
      if (key.startsWith('earlyStopping.')) {
        if (inner === 'enabled') flat[key] = outer != null;
        else flat[key] = outer != null && inner in outer ? outer[inner] : defaults[key];
      } else if (outer && inner in outer) {
        flat[key] = outer[inner];
      }
    }
  }
  return { ...defaults, ...flat };
}

function writeUrl() {
  const query = toQuery(controls.values(), controls.defaults(), {
    ...page, speed: transport.speed.value === '' ? null : transport.speedValue(), autostart: false,
  });
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  window.history.replaceState(null, '', url);
  updateOpenFullLink();
}

function updateOpenFullLink() {
  const params = new URLSearchParams(window.location.search);
  params.delete('embed');
  params.delete('hide');
  const query = params.toString().replace(/%2C/gi, ',');
  $('#open-full').href = `./${query ? `?${query}` : ''}`;
}

function hideParts(names) {
  controls.hide(names);
  for (const name of names) {
    const selector = PAGE_PARTS[name.toLowerCase()];
    if (selector) document.querySelectorAll(selector).forEach((el) => el.classList.add('hidden-by-url'));
  }
}

// ---- learner actions --------------------------------------------------------------------------------------------

function settingChanged(name) {
  writeUrl();
  const values = controls.values();
  objective.setConfig(run.exists ? { ...values, ...liveOnly(values) } : values);
  if (name === 'dataset') showDataViews(values.dataset, null);
  if (!run.exists || run.status === 'finished' || run.status === 'early-stopped' || run.status === 'diverged') {
    refreshPending();
    return;
  }
  if (controls.isLive(name)) scheduleUpdate();
  refreshPending();
}

/** The live settings as they are now, for the formula while a run goes on. */
function liveOnly(values) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => controls.isLive(key)));
}

function lessonPicked(lesson) {
  page.preset = lesson?.id ?? null;
  if (lesson) controls.set(lessonValues(lesson));
  controls.clearErrors();
  settingChanged('dataset');
}

let updateTimer = null;
function scheduleUpdate() {
  clearTimeout(updateTimer);
  updateTimer = setTimeout(sendUpdate, UPDATE_DELAY_MS);
}

function sendUpdate() {
  if (!run.exists || !run.sent) return;
  const values = controls.values();
  const changed = changedKeys(values, run.sent).filter((key) => controls.isLive(key));
  if (!changed.length) return;
  const partial = {};
  for (const key of changed) partial[key] = values[key];
  // Nested objects go whole: augmentation with all its strengths, earlyStopping as an object or null.
  for (const outer of ['augmentation', 'earlyStopping']) {
    if (changed.some((key) => key.startsWith(`${outer}.`))) {
      for (const key of Object.keys(values)) if (key.startsWith(`${outer}.`)) partial[key] = values[key];
    }
  }
  const config = toConfig(partial);
  if (send({ type: 'update', config })) {
    run.sent = { ...run.sent, ...partial };
  }
  refreshPending();
}

function refreshPending() {
  if (!run.exists || !run.sent) {
    controls.markPending(new Set());
    transport.setPending([]);
    return;
  }
  const values = controls.values();
  const pending = changedKeys(values, run.sent).filter((key) => !controls.isLive(key));
  controls.markPending(new Set(pending));
  transport.setPending(pending);
}

function startMessage() {
  const values = controls.values();
  const message = { type: 'start', config: toConfig(values) };
  const speed = transport.speed.value;
  if (speed !== '') message.speed = Number(speed);
  return { message, values };
}

function start() {
  const { message, values } = startMessage();
  controls.clearErrors();
  banner(null);
  if (send(message)) {
    run.awaitingStart = true;
    run.sent = values;
  }
}

/** Reset rebuilds the run from the settings shown: the server's reset reuses its config, so new ones start first. */
function reset() {
  const values = controls.values();
  if (!run.exists || changedKeys(values, run.sent ?? {}).length) {
    const { message } = startMessage();
    controls.clearErrors();
    if (!send(message)) return;
    run.awaitingStart = true;
    run.sent = values;
  }
  send({ type: 'reset' });
}

function step() {
  if (!run.exists || ['finished', 'early-stopped', 'diverged'].includes(run.status)) {
    reset();
  }
  send({ type: 'step' });
}

function regenerate() {
  const seed = Math.floor(Math.random() * 1_000_000);
  controls.set({ seed });
  writeUrl();
  start();
}

function speedChanged(speed) {
  writeUrl();
  if (run.exists && transport.speed.value !== '') send({ type: 'update', speed });
}

function send(message) {
  if (connection.send(message)) return true;
  banner('Not connected to the trainer; trying again…');
  return false;
}

// ---- server messages --------------------------------------------------------------------------------------------

function received(message) {
  switch (message.type) {
    case 'hello':
      speedDefaults = message.speeds?.defaults ?? {};
      describeAutoSpeed();
      if (autostart) {
        autostart = false;
        start();
      }
      break;
    case 'started':
      startedRun(message);
      break;
    case 'epoch':
      epochFrame(message);
      break;
    case 'event':
      runEvent(message);
      break;
    case 'error':
      serverError(message);
      break;
    default:
      break;
  }
}

function startedRun(message) {
  run.exists = true;
  run.awaitingStart = false;
  run.dataset = message.dataset;
  run.totalEpochs = message.config?.epochs ?? 0;
  run.latest = null;
  run.report = null;
  run.views = {};
  run.pendingEpochs = [];
  curves.reset();
  curves.setMonitor(message.config?.earlyStopping?.monitor, message.config?.earlyStopping?.minDelta);
  sparsity.reset();
  distributions.reset();
  gradients.reset();
  boundary.reset();
  metrics.clear();
  banner(null);
  classAccuracy.setClasses(message.dataset?.classNames);
  network.setFeatures(message.dataset?.featureNames);
  objective.setConfig(controls.values());
  showDataViews(message.config?.dataset, message.dataset);
  setStatus(message.running === false ? 'paused' : 'running');
  refreshPending();
}

function epochFrame(message) {
  const epochs = message.epochs ?? [];
  if (!epochs.length && !message.report) return;
  run.pendingEpochs.push(...epochs);
  if (epochs.length) run.latest = epochs[epochs.length - 1];
  if (message.report) {
    run.report = message.report;
    // Per-layer histories are sampled from every report, not only the ones that reach the screen.
    sparsity.addReport(message.report);
    distributions.addReport(message.report);
    gradients.addReport(message.report);
  }
  if (message.views) run.views = { ...run.views, ...message.views };
  // The numbers are text: update them at once; charts wait for the next animation frame.
  if (run.latest) metrics.show(run.latest, run.totalEpochs);
  scheduleRender();
}

function runEvent(message) {
  switch (message.event) {
    case 'paused':
      setStatus('paused');
      break;
    case 'resumed':
      setStatus('running');
      break;
    case 'updated':
      if (message.config?.epochs) run.totalEpochs = message.config.epochs;
      curves.setMonitor(message.config?.earlyStopping?.monitor, message.config?.earlyStopping?.minDelta);
      break;
    case 'finished':
    case 'early-stopped':
    case 'diverged':
      ended(message);
      break;
    case 'stopped':
      run.exists = false;
      setStatus('stopped');
      if (message.reason !== 'client') banner(`The server stopped this run (${message.reason}). Press Start for a new one.`);
      break;
    default:
      break;
  }
}

function ended(message) {
  setStatus(message.event);
  curves.mark({ best: message.bestEpoch, stop: message.event === 'early-stopped' ? message.epochs : null });
  if (message.trainLoss != null) {
    // The final metrics are those of the model as it ends (the best epoch's when its weights were restored).
    run.latest = { ...(run.latest ?? {}), ...message, epoch: message.epochs };
    metrics.show(run.latest, run.totalEpochs);
  }
  const note = message.event === 'diverged' ? message.message
    : message.restoredBestWeights ? `${message.message}. The numbers shown are the restored model’s.` : null;
  if (note) banner(note, message.event === 'diverged' ? 'error' : 'info');
  scheduleRender();
}

function serverError(message) {
  const text = message.message ?? `${message.field}: ${message.value} is not allowed; allowed: ${message.allowed}`;
  const shown = message.field && controls.showError(message.field, text);
  if (!shown) banner(text, 'error');
  else banner(`The server refused a setting: see ${message.field} in the settings.`, 'error');
  if (run.awaitingStart) {
    run.awaitingStart = false;
    setStatus('error');
  }
  if (message.code === 'no-run') {
    run.exists = false;
    setStatus('ready');
  }
}

function connectionChanged(state) {
  connected = state === 'open';
  const element = $('#connection');
  element.dataset.state = state;
  element.textContent = {
    connecting: 'connecting…', open: 'connected', lost: 'connection lost: reconnecting…', reconnecting: 'reconnecting…',
  }[state] ?? state;
  if (state === 'lost' && run.status !== 'disconnected') {
    const hadRun = run.exists;
    run.exists = false;
    banner(hadRun ? 'The connection to the trainer was lost, and the run with it. Reconnecting… then press Start.'
      : 'The connection to the trainer was lost. Reconnecting…', 'error');
    setStatus('disconnected');
  } else if (state === 'open' && run.status === 'disconnected') {
    banner('Reconnected. Press Start to train again.');
    setStatus('ready');
  }
  transport.setStatus(run.status, connected);
}

// ---- drawing ----------------------------------------------------------------------------------------------------

let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    renderQueued = false;
    render();
  };
  requestAnimationFrame(go);
  setTimeout(go, 250);        // hidden tabs and background iframes get no animation frames
}

function render() {
  const epochs = run.pendingEpochs;
  run.pendingEpochs = [];
  if (epochs.length) {
    curves.add(epochs);
    sparsity.add(epochs);
  }
  const report = run.report;
  curves.render();
  if (run.latest) objective.show(run.latest);
  sparsity.render(report);
  distributions.show();
  gradients.render();
  if (report) {
    const layers = report.layers ?? [];
    weightHistograms.render(layers.map((layer, i) => ({
      title: `layer ${i + 1} (${layer.fanIn}→${layer.fanOut})`,
      histogram: layer.weights,
      zeros: layer.weightCount - layer.nonZeroCount,
      caption: `${percent(layer.zeroFraction)} exactly 0, ‖w‖₂ ${short(layer.l2Norm)}`,
    })));
    const hidden = layers.slice(0, -1);
    activationHistograms.render(hidden.map((layer, i) => ({
      title: `hidden ${i + 1}`,
      histogram: layer.activations,
      caption: `mean ${short(layer.activationMean)}, std ${short(layer.activationStd)}, stuck ${percent(layer.stuckFraction, 0)}`,
    })));
    activationTable(layers);
    classAccuracy.render(report.classAccuracy);
    network.render(layers, run.views.network);
  }
  const views = run.views;
  if (views.boundary) boundary.render(views.boundary, views.points, run.dataset?.task === 'regression');
  if (views.weights) weightImages.render(views.weights);
  augmented.render(views.augmented ?? null);
  showDataViews(run.dataset?.name, run.dataset, views);
}

function activationTable(layers) {
  const table = $('#activation-table');
  const cell = (tag, text) => {
    const element = document.createElement(tag);
    element.textContent = text;
    return element;
  };
  const head = document.createElement('tr');
  for (const title of ['layer', 'activation mean', 'std', 'saturated or dead', '‖∂J/∂W‖']) head.append(cell('th', title));
  const rows = layers.map((layer, i) => {
    const row = document.createElement('tr');
    row.append(cell('th', i === layers.length - 1 ? 'output' : `hidden ${i + 1}`), cell('td', short(layer.activationMean)),
      cell('td', short(layer.activationStd)), cell('td', percent(layer.stuckFraction)),
      cell('td', layer.gradientNorm === 0 ? '0 (no signal)' : short(layer.gradientNorm)));
    return row;
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  table.replaceChildren(thead, tbody);
}

/** Shows the boundary for 2-D sets, the weight pictures for images, and says why when neither applies. */
function showDataViews(name, dataset, views = {}) {
  const image = dataset ? dataset.image != null : IMAGES.includes(name);
  const twoD = dataset ? !image && TWO_D.includes(name) : TWO_D.includes(name);
  $('#boundary-view').hidden = !twoD;
  $('#weight-images-view').hidden = !image;
  const note = $('#dataset-note');
  if (twoD || image) {
    const noHidden = controls.values().hiddenLayers?.length === 0;
    note.textContent = image && noHidden ? 'First-layer pictures need at least one hidden layer.'
      : image && !views.weights && run.exists ? 'Waiting for the first weight pictures from the server…' : '';
  } else {
    const inputs = dataset?.inputSize;
    note.textContent = `${inputs ? `${count(inputs)} inputs: ` : ''}too many dimensions to draw a boundary. `
      + 'Watch the sparsity card: L1 should zero the weights of the uninformative inputs.';
  }
}

function setStatus(status) {
  run.status = status;
  metrics.setStatus(status);
  transport.setStatus(status, connected);
  document.body.dataset.status = status;
}

function describeAutoSpeed() {
  const auto = [...transport.speed.options].find((o) => o.value === '');
  if (!auto) return;
  const dataset = controls.values().dataset;
  const speed = speedDefaults[dataset];
  auto.textContent = speed == null ? 'auto' : speed === 0 ? 'auto (full speed)' : `auto (${speed} epochs/s)`;
}

function banner(text, kind = 'info') {
  const element = $('#banner');
  element.hidden = !text;
  element.textContent = text ?? '';
  element.dataset.kind = kind;
}
