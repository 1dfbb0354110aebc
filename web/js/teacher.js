// The teacher's page of a class experiment: the join link and its QR code, the class chart in large type for a
// projector, the learners' table, and the teacher's controls. The teacher key arrives in the page's fragment (which no
// server sees); it is kept in this tab's session storage and taken out of the address bar, so a projected address
// bar shows no key. Every order goes over the socket with the key's proof made once, by `teach`.

import { Connection } from './socket.js';
import { ClassChart } from './class-chart.js';
import { ClassTable, resultRows } from './class-table.js';
import { plain, short } from './format.js';
import { saveCsv, saveJson, slug } from './downloads.js';
import { banner, showConnection } from './notices.js';

const $ = (selector) => document.querySelector(selector);
const END_CONFIRM_MS = 4000;
/** What a best value at an edge means (ClassChart.edge on the server says which edge). */
const EDGE = {
  grid: 'At the edge of the grid: the curve may go on falling beyond it, so the best value may lie outside what was tried.',
  covered: 'At the edge of what was covered: values past it have not run yet, so this is not yet the bottom of a U.',
};

const grid = $('.teacher-grid');
const id = grid.dataset.class;
const param = grid.dataset.param;
const key = readKey();
const joinLink = new URL(`../?class=${encodeURIComponent(id)}`, window.location.href).href;
const chart = new ClassChart($('#class-chart'), $('#class-points'),
  { labelOf: () => $('.class-param').textContent, picker: $('#class-metric') });
const table = new ClassTable($('#class-table'), {
  onLearner: (learner, action, nickname) => connection.send({ type: 'class-learner', learner, action, ...(nickname ? { nickname } : {}) }),
});
let last = null;
let endArmed = null;

showJoinLink();
showEnd(Number(grid.dataset.endsAt));
wire();
const connection = new Connection({ onMessage: received, onState: showConnection, url: Connection.endpoint({ class: id }, '../') });
connection.connect();

/** The key from the fragment (then kept for this tab and taken out of the address), or from this tab's storage. */
function readKey() {
  const storeKey = `gaplab-class-key-${id}`;
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (fromLink) {
    sessionStorage.setItem(storeKey, fromLink);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    return fromLink;
  }
  return sessionStorage.getItem(storeKey);
}

function showJoinLink() {
  const link = $('#class-join-link');
  link.href = joinLink;
  link.textContent = joinLink;
  const joinPage = new URL('../join', window.location.href);
  $('#class-join-page').textContent = `${joinPage.host}${joinPage.pathname}`;
  $('#class-qr').src = `qr.svg?class=${encodeURIComponent(id)}&link=${encodeURIComponent(joinLink)}`;
}

function showEnd(endsAt) {
  if (!Number.isFinite(endsAt)) return;
  const time = new Date(endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  $('#class-ends').textContent = `The class ends by itself at ${time}.`;
}

function wire() {
  const control = (action) => connection.send({ type: 'class-control', action });
  $('#class-pause').addEventListener('click', () => control(last?.paused ? 'resume' : 'pause'));
  $('#class-restart').addEventListener('click', () => control('restart'));
  $('#class-lock').addEventListener('click', () => control(last?.locked ? 'unlock' : 'lock'));
  $('#class-reveal').addEventListener('click', () => control(last?.revealed ? 'hide' : 'reveal'));
  $('#class-end').addEventListener('click', () => {
    if (endArmed) {
      clearTimeout(endArmed);
      endArmed = null;
      control('end');
      return;
    }
    $('#class-end').textContent = 'Click again to end the class';
    endArmed = setTimeout(() => {
      endArmed = null;
      $('#class-end').textContent = 'End the class';
    }, END_CONFIRM_MS);
  });
  $('#class-csv').addEventListener('click', () => last && saveCsv(resultRows(last), `${fileStem()}.csv`));
  $('#class-json').addEventListener('click', () => last && saveJson(results(last), `${fileStem()}.json`));
  $('#class-metric').addEventListener('change', () => chart.setMetric($('#class-metric').value));
  $('#class-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(joinLink);
      $('#class-copy-status').textContent = 'copied';
    } catch {
      $('#class-copy-status').textContent = 'select the link and copy it';
    }
  });
}

function received(message) {
  switch (message.type) {
    case 'hello':
      if (last?.ended) break;   // reconnected after the end (a drained server): nothing to teach, the end stays said
      if (!key) banner('This page needs its teacher key: open the link that creating the class led to, in this tab.', 'error');
      else connection.send({ type: 'teach', class: id, key });
      break;
    case 'class':
      if (message.points) show(message);
      break;
    case 'error':
      // Back on a server that does not hold the class (its own stopped): the class was lost with it, say so for good.
      if (last && !last.ended && grid.dataset.classGone.split(' ').includes(message.code)) lost(message);
      else banner(message.message ?? `${message.field}: ${message.value}`, 'error');
      break;
    default:
      break;
  }
}

function show(message) {
  last = message;
  $('#class-count').textContent = String(message.learners);
  toggle('#class-pause', message.paused, 'Resume every run', 'Pause every run');
  toggle('#class-lock', message.locked, 'Unlock learners’ settings', 'Lock learners’ settings');
  toggle('#class-reveal', message.revealed, 'Hide chart from learners', 'Show chart to learners');
  chart.show(message);
  table.show(message);
  const best = message.bestIndex ?? -1;
  const summary = best >= 0 ? message.summary[best] : null;
  $('#class-best').textContent = summary ? `Best so far: ${param} = ${message.axis === 'category' ? summary.value
    : short(summary.value)} (median validation loss ${short(summary.validationLoss)}, ${summary.trained} learner${summary.trained === 1 ? '' : 's'})` : '';
  $('#class-best').title = summary ? `${param} = ${plain(summary.value)}, median validation loss ${summary.validationLoss}` : '';
  $('#class-edge').textContent = summary ? EDGE[message.bestEdge] ?? '' : '';
  document.body.dataset.paused = String(message.paused);
  if (message.ended) ended(message);
}

function toggle(selector, on, onText, offText) {
  const button = $(selector);
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? onText : offText;
}

function ended(message) {
  for (const button of document.querySelectorAll('.class-controls button')) {
    if (!['class-csv', 'class-json'].includes(button.id)) button.disabled = true;
  }
  document.body.classList.add('ended');
  $('#class-ends').textContent = 'The class has ended: its link, code and QR code join nothing now.';
  banner(`The class has ended (${message.endReason}). Its results stay on this page until you close it: download them.`, 'info');
}

/** The server that held the class stopped (a crash, a deploy): the class went with it; the last results stay here. */
function lost(message) {
  last = { ...last, ended: true, endReason: 'lost with its server' };
  ended(last);
  $('#connection').textContent = 'class lost';
  banner(`The class was lost with the server that held it (${message.message}). Its last results stay on this page: `
    + 'download them, and start a new class to go on.', 'error');
}

/** The JSON file: the plan, each value's class medians, the best value and every learner's numbers. */
function results(message) {
  return {
    format: 'gaplab-class-results', version: 1, class: message.class, param: message.param, values: message.values,
    lesson: message.lesson, config: message.config, pickedBy: message.pickedBy, bestValue: message.bestValue,
    summary: message.summary, learners: resultRows(message), savedAt: new Date().toISOString(),
  };
}

function fileStem() {
  const day = new Date().toISOString().slice(0, 16).replace(':', '');
  return ['gaplab-class', last?.lesson ?? param, param, day].map(slug).join('-');
}
