// The page controller: wires the widgets to each other, to the URL and to the training socket. Widgets never import
// each other; they get callbacks from here. Training runs on the server; this file only sends commands and draws.

import { Connection } from './socket.js';
import { Controls } from './controls.js';
import { fromConfig } from './state.js';
import { Address } from './address.js';
import { Transport } from './transport.js';
import { Modes } from './modes.js';
import { Session } from './session.js';
import { Views } from './views.js';
import { CompareSetup } from './compare-setup.js';
import { SweepSetup } from './sweep-setup.js';
import { LessonPicker, lessonValues } from './lessons.js';
import { LessonSettings } from './lesson-settings.js';
import { ShareLink } from './share.js';
import { Files } from './files.js';
import { fileName } from './downloads.js';
import { Replies } from './replies.js';
import { RunProgress } from './progress.js';
import { Tabs } from './tabs.js';
import { BenchFit } from './bench-fit.js';
import { Projector } from './projector.js';
import { ClassMember } from './class-member.js';
import { ClassLink } from './class-link.js';
import { openLink } from './open-link.js';
import { afterConsent } from './frame-consent.js';
import { banner } from './notices.js';
import { DrawScheduler } from './draw-scheduler.js';
import { ApplySoon, whyReset } from './apply-soon.js';
import { markCompared } from './compared-marks.js';
import { Announcer } from './announcer.js';
import { ConnectionFlow } from './connection-flow.js';
import { FirstRun } from './first-run.js';
import { Scrubber, pictureNote } from './scrub.js';

const $ = (selector) => document.querySelector(selector);
const UPDATE_DELAY_MS = 150;

let page = {};
let updateTimer = null;
let member = null;          // this page's seat in a class experiment (a join link's ?class=ID), or null
const classId = new URLSearchParams(window.location.search).get('class');
// Draws the tab on screen at most once per animation frame (it runs only after every widget below exists).
const drawing = new DrawScheduler(() => {
  scrub();
  views.render(modes.mode, controls.values(), session.exists, session.status);
  scrubber.describe(pictureNote(modes.mode === 'compare' ? views.compare.pictureEpochs() : [views.run.pictureEpoch]));
  files.refresh(session.status, session.onScreen());
});


const controls = new Controls($('#controls'), { onChange: settingChanged });
const lessons = new LessonPicker($('#preset'), $('#watch'), { onPick: lessonPicked });
const views = new Views({
  compareRoot: $('#compare-panel'), sweepRoot: $('#sweep-panel'), family: (name) => controls.family(name),
  labelOf: (name) => $(`#sweep-param option[value="${name}"]`)?.textContent ?? name,
  onViewSeed: (index) => send({ type: 'view-seed', index }), lessonEvidence: () => lessons.lesson(page.preset)?.evidence,
});
const view = views.run;
const address = new Address(controls, $('#open-full'));
const lessonSettings = new LessonSettings($('#lesson-settings'));
const transport = new Transport($('.transport'), {
  onStart: start, onPause: () => send({ type: 'pause' }), onResume: () => leaveScrub(send({ type: 'resume' })),
  onStep: () => leaveScrub(member?.waiting ? start() : step()), onReset: () => (member?.waiting ? start() : session.reset()),
  onSpeed: speedChanged,
});
const scrubber = new Scrubber($('.control-bar'), { onMove: scheduleRender });
const modes = new Modes($('.modes'), { onChange: modeChanged });
const details = Object.fromEntries([...document.querySelectorAll('[data-details]')]
  .map((root) => [root.dataset.details, new Tabs(root.querySelector('.detail-tabs'), { onChange: scheduleRender })]));
const compareSetup = new CompareSetup($('#compare-panel'), {
  values: () => controls.values(), kinds: controls.kinds(), family: (name) => controls.family(name), onChange: compareChanged,
});
const sweepSetup = new SweepSetup($('#sweep-panel'), { onChange: sweepChanged });
const session = new Session({
  tab: () => modes.mode, values: () => controls.values(), changes: () => compareSetup.changes(),
  sweep: () => ({ message: sweepSetup.message(), text: sweepSetup.urlText() }),
  speed: () => (transport.speed.value === '' ? null : transport.speedValue()),
  isLive: (key) => controls.isLive(key), send, lesson: () => page.preset ?? null, nested: controls.nested(),
});
const applying = new ApplySoon({ session, mode: () => modes.mode, preview: () => preview(), restart: () => start() });
const files = new Files($('.downloads'), {
  current: () => ({ stem: fileStem(), ...views.files(modes.mode) }), onWeights: () => send({ type: 'export' }),
});
new ShareLink($('#copy-link'), $('#copy-status'), $('#share-autostart'));
const replies = new Replies({
  session, views, controls, compareSetup, files, modes, announcer: new Announcer($('#announcer')),
  setStatus, banner, render: scheduleRender, refreshPending, onHello: (message) => flow.hello(message),
});
const projector = new Projector($('#projector'), { onChange: (on) => {
  page.projector = on;
  writeUrl();
  benchFit.fit();
} });
const progress = new RunProgress($('.transport'));
const connection = new Connection({
  onMessage: (message) => {
    session.observe(message); progress.received(message); member?.received(message); replies.received(message);
  },
  onState: (state) => flow.changed(state), url: Connection.endpoint({ class: classId }),
  // A class member takes its seat back before the run is restored, so the class checks the restored run.
  reconnected: () => [member?.rejoin(), session.restoreMessage()],
});

// Before the link opens: opening it picks a tab, which asks the flow whether the page is connected.
const flow = new ConnectionFlow({ session, transport, controls, modes, member: () => member, start, preview, setStatus,
  writeUrl, describeAuto, autostart: false });
const opened = openLink({
  address, lessons, controls, lessonSettings, transport, projector, details, compareSetup, sweepSetup, modes,
});
page = opened.page;
flow.autostart = opened.autostart;
const firstRun = new FirstRun($('#first-run'), $('#preset'), {
  applies: () => !page.preset && !classId && document.body.classList.contains('full'),
});
if ($('#class-new')) {
  new ClassLink($('#class-new'), { current: () => ({ values: controls.values(), defaults: controls.defaults(), preset: page.preset,
    sweep: modes.mode === 'sweep' ? sweepSetup.message() : null }) });
}
if (classId) {
  member = new ClassMember($('#class-card'), {
    id: classId, nickname: page.nick ?? null, send,
    labelOf: (name) => $(`#class-param-labels [data-param="${name}"]`)?.textContent ?? name,
    onAssigned: (assignment) => flow.seated(assignment), onLocked: (assignment) => controls.set(fromConfig(assignment.config, controls.defaults(), controls.nested())),
    onPaused: (reason) => transport.hold(reason),
  });
}
const benchFit = new BenchFit(document);
view.objective.setConfig(controls.values());
view.objective.clear();
view.showDataViews(controls.values().dataset, controls.values(), false);
setStatus('ready');
$('#regenerate').addEventListener('click', regenerate);
$('#compare-more').addEventListener('click', () => {
  details.compare.choose('compare-setup');
  $('#detail-compare-setup').scrollIntoView({ block: 'nearest' });
  $('#compare-key').focus();
});
afterConsent($('#frame-consent'), () => connection.connect());

// ---- URL <-> controls ------------------------------------------------------------------------------------------

function writeUrl() {
  page.compare = modes.mode === 'compare' ? compareSetup.urlText() : null;
  page.sweep = modes.mode === 'sweep' ? sweepSetup.urlText() : null;
  address.write({ ...page, speed: transport.speed.value === '' ? null : transport.speedValue(), autostart: false });
}

// ---- learner actions --------------------------------------------------------------------------------------------

function settingChanged(name) {
  writeUrl();
  const values = controls.values();
  view.objective.setConfig(values);
  if (name === 'dataset') describeAuto();
  view.showDataViews(values.dataset, values, session.exists);
  compareSetup.refresh();
  liveEdit();
  if (!controls.isLive(name)) previewSoon();
}

/** A lesson sets every control; a comparison or sweep lesson also opens its tab with its changes or values. */
function lessonPicked(lesson) {
  page.preset = lesson?.id ?? null;
  firstRun.refresh();
  if (lesson) controls.set(lessonValues(lesson, controls.defaults(), controls.nested()));
  if (lesson) lessonSettings.show(lesson.focus, lesson.title);
  else lessonSettings.restore();
  compareSetup.setFromUrl(lesson?.compare ?? '');
  if (lesson?.sweep) sweepSetup.setFromUrl(lesson.sweep);
  modes.choose(lesson?.compare ? 'compare' : lesson?.sweep ? 'sweep' : 'run');
  controls.clearErrors();
  writeUrl();
  describeAuto();
  view.objective.setConfig(controls.values());
  view.showDataViews(controls.values().dataset, controls.values(), false);
  preview();
  benchFit.fit();
}

/** A new tab: a comparison starts from the edits made since the last run (or no change at all). */
function modeChanged(mode) {
  if (mode === 'compare' && !compareSetup.has()) {
    const runA = session.kind === 'run' && session.exists && !session.previewing ? compareSetup.fromEdits(session.startedWith) : null;
    if (runA) {
      controls.set(runA);
      compareSetup.refresh();
    }
  }
  writeUrl();
  refreshPending();
  describeAuto();
  if (!session.exists || session.previewing) preview();
  setStatus(session.status);
  benchFit.fit();
  scheduleRender();
}

/** "auto" is the dataset's default speed for a run or a comparison, and full speed for a sweep (the server's rule). */
function describeAuto() {
  transport.describeAuto(modes.mode === 'sweep' ? 0 : flow.speedDefaults[controls.values().dataset]);
}

function compareChanged() {
  writeUrl();
  liveEdit();
  previewSoon();
}

function sweepChanged() {
  writeUrl();
  refreshPending();
}

/** An edit goes to the server at once when what is training can take it live (see live-settings.js). */
function liveEdit() {
  const refused = controls.showProblems(controls.values());
  if (session.canUpdate() && !refused.length) {
    clearTimeout(updateTimer);
    updateTimer = setTimeout(() => {
      session.update();
      refreshPending();
    }, UPDATE_DELAY_MS);
  }
  refreshPending();
}

function refreshPending() {
  const pending = session.previewing ? [] : session.pending();
  controls.markPending(new Set(pending));
  transport.setPending(pending, whyReset(modes.mode));
  markCompared(modes.mode, controls.values(), compareSetup.changes());
}

/** The data and the untrained model, before Start: again whenever a setting changes what Start would build. */
function preview() {
  applying.cancel();
  // A link with refused values is said at once, beside each field; the server would refuse the preview too.
  if (!flow.connected || flow.autostart || member?.waiting || controls.problems(controls.values()).length) return;
  session.preview();
}

function previewSoon() {
  applying.schedule();
}

function start() {
  leaveScrub();
  applying.cancel();   // an edit's preview still due would replace the run this starts
  // A class member trains nothing before the class gives its value and seed (a run from before would not count).
  if (member?.waiting) {
    flow.autostart = true;         // flow.seated() starts it, with the seat's value and seed
    banner('Joining your class: your run starts as soon as the class gives you your value.');
    return;
  }
  banner(null);
  controls.clearErrors();
  // Every refused value at once, beside its field, before anything is sent (the server checks again).
  const refused = controls.showProblems(controls.values());
  if (refused.length) {
    banner(`${refused.length === 1 ? 'A setting is' : `${refused.length} settings are`} out of range: ${refused.map((r) => r.name).join(', ')}.`, 'error');
    setStatus('error');
    return;
  }
  session.begin();
  setStatus(session.status);
}

function regenerate() {
  if (member?.waiting) return;
  const seed = Math.floor(Math.random() * 1_000_000);
  controls.set({ seed });
  writeUrl();
  session.start();
}

function speedChanged(speed) {
  writeUrl();
  if (session.exists && transport.speed.value !== '') send({ type: 'update', speed });
}

function send(message) {
  if (connection.send(message)) return true;
  banner('Not connected to the trainer; trying again…');
  return false;
}

// ---- drawing ----------------------------------------------------------------------------------------------------

function scheduleRender() {
  drawing.schedule();
}

/** A paused or ended run or comparison on screen can be read back epoch by epoch (scrub.js); anything else is live. */
function scrub() {
  const view = { run: views.run, compare: views.compare }[modes.mode];
  const last = modes.mode === 'compare' ? views.compare.lastEpoch() : views.run.latest?.epoch;
  const still = ['paused', 'finished', 'early-stopped', 'diverged'].includes(document.body.dataset.status);
  scrubber.offer(view && session.onScreen() && still ? last : null);
  views.run.scrubEpoch = modes.mode === 'run' ? scrubber.epoch : null;
  views.compare.scrubEpoch = modes.mode === 'compare' ? scrubber.epoch : null;
}

/** Step trains the preview's first epoch: from then on it is a paused run, no longer shown as "ready". */
function step() {
  session.step();
  setStatus(session.status);
}

/** Starting, resuming or stepping shows the live state again; passes `result` through. */
function leaveScrub(result) {
  scrubber.leave();
  scheduleRender();
  return result;
}

function fileStem() {
  const lesson = page.preset ? lessons.lesson(page.preset) : null;
  return fileName({ values: session.sent ?? controls.values(), lesson, changes: session.sentChanges, mode: modes.mode,
    base: lesson ? lessonValues(lesson, controls.defaults(), controls.nested()) : controls.defaults(),
    sweepParam: views.sweep.param ?? sweepSetup.parameter() ?? 'auto' });
}

/**
 * The status shown is that of what the tab on screen trains; what another tab trains keeps its own status. A preview
 * (the page's own paused epoch 0) shows as ready: nothing has trained yet.
 */
function setStatus(status) {
  session.status = status;
  const previewed = session.previewing && ['paused', 'running'].includes(status);
  const shown = previewed ? 'ready' : session.onScreen() || !session.exists ? status : 'ready';
  view.metrics.setStatus(shown);
  files.refresh(status, session.onScreen());
  transport.setStatus(shown, flow.connected);
  document.body.dataset.status = shown;
  refreshPending();
  scheduleRender();
}
