// The page controller: wires the widgets to each other, to the URL and to the training socket. Widgets never import
// each other; they get callbacks from here. Training runs on the server; this file only sends commands and draws.

import { Connection } from './socket.js';
import { Controls } from './controls.js';
import { changedKeys, encode, toConfig } from './state.js';
import { Address } from './address.js';
import { Transport } from './transport.js';
import { RunView } from './run-view.js';
import { LessonPicker, lessonValues } from './lessons.js';
import { ShareLink } from './share.js';
import { RunFiles } from './run-files.js';
import { slug } from './downloads.js';

const $ = (selector) => document.querySelector(selector);
const UPDATE_DELAY_MS = 150;
const ENDED = ['finished', 'early-stopped', 'diverged'];

/** What the page knows about the run on the server; what it draws lives in the views. */
const run = {
  exists: false,          // the server has a run for this socket
  status: 'ready',
  sent: null,             // the flat values the run was started with, plus live updates since
  awaitingStart: false,
};
let connected = false;
let autostart = false;
let page = {};
let speedDefaults = {};

const view = new RunView();
const controls = new Controls($('#controls'), { onChange: settingChanged });
const address = new Address(controls, $('#open-full'));
const lessons = new LessonPicker($('#preset'), $('#watch'), { onPick: lessonPicked });
const transport = new Transport($('.transport'), {
  onStart: start, onPause: () => send({ type: 'pause' }), onResume: () => send({ type: 'resume' }),
  onStep: step, onReset: reset, onSpeed: speedChanged,
});
const files = new RunFiles($('.downloads'), {
  source: () => ({ stem: fileStem(), config: view.config, dataset: view.dataset, epochs: view.history,
    end: view.end, updates: view.updates }),
  onWeights: () => send({ type: 'export' }),
});
new ShareLink($('#copy-link'), $('#copy-status'));
const connection = new Connection({ onMessage: received, onState: connectionChanged });

restoreFromUrl();
view.objective.setConfig(controls.values());
view.objective.clear();
view.showDataViews(controls.values().dataset, controls.values(), false);
setStatus('ready');
$('#regenerate').addEventListener('click', regenerate);
connection.connect();

// ---- URL <-> controls ------------------------------------------------------------------------------------------

function restoreFromUrl() {
  const parsed = address.read();
  page = parsed.page;
  const lesson = page.preset ? lessons.choose(page.preset) : null;
  if (lesson) controls.set(lessonValues(lesson, controls.defaults()));
  controls.set(parsed.values);
  if (page.speed != null && Number.isFinite(page.speed)) transport.setSpeed(page.speed);
  if (page.embed) document.body.classList.replace('full', 'embed');
  if (page.hide?.length) address.hide(page.hide);
  if (parsed.unknown.length) banner(`Ignored unknown URL keys: ${parsed.unknown.join(', ')}`);
  autostart = page.autostart === true;
  address.updateOpenFull();
}

function writeUrl() {
  address.write({ ...page, speed: transport.speed.value === '' ? null : transport.speedValue(), autostart: false });
}

// ---- learner actions --------------------------------------------------------------------------------------------

function settingChanged(name) {
  writeUrl();
  const values = controls.values();
  view.objective.setConfig(values);
  if (name === 'dataset') view.showDataViews(values.dataset, values, run.exists);
  if (run.exists && !ENDED.includes(run.status) && controls.isLive(name)) scheduleUpdate();
  refreshPending();
}

function lessonPicked(lesson) {
  page.preset = lesson?.id ?? null;
  if (lesson) controls.set(lessonValues(lesson, controls.defaults()));
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
  if (!run.exists || ENDED.includes(run.status)) {
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
    case 'model':
      files.model(message);
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
  view.started(message);
  banner(null);
  view.objective.setConfig(controls.values());
  view.showDataViews(message.config?.dataset, controls.values(), true);
  setStatus(message.running === false ? 'paused' : 'running');
  refreshPending();
}

function epochFrame(message) {
  if (view.frame(message)) scheduleRender();
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
      view.updated(message.config);
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
  view.ended(message);
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
  view.render(controls.values(), run.exists);
  files.setStatus(run.status, run.exists);
}

/** A file name that says what ran: the lesson (or dataset) and up to three settings changed from it. */
function fileStem() {
  const values = run.sent ?? controls.values();
  const lesson = page.preset ? lessons.lesson(page.preset) : null;
  const base = lesson ? lessonValues(lesson, controls.defaults()) : controls.defaults();
  const changes = changedKeys(values, base).slice(0, 3).map((key) => `${key}-${encode(values[key])}`);
  return ['gaplab', lesson?.id ?? values.dataset, ...changes].map(slug).join('-');
}

function setStatus(status) {
  run.status = status;
  view.metrics.setStatus(status);
  files.setStatus(status, run.exists);
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
