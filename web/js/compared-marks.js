// In a comparison the settings at the left are run A's. A setting the comparison varies (run B has its own value of
// it) says so beside its name, and its badge says "reset", not "live": an edit of A's side of a compared setting
// waits for both runs to restart (an update would land on B; see live-settings.js). When A's value equals B's the
// two runs are one run twice, and the setting says that too, where the learner just typed it.

import { encode } from './state.js';

const TAG = 'run-a-tag';
const WARNING = 'same-warning';

/** `mode` the tab on screen; `values` the settings at the left (run A); `changes` run B's changes. */
export function markCompared(mode, values, changes) {
  for (const setting of document.querySelectorAll('.setting[data-setting]')) {
    const key = setting.dataset.setting;
    const compared = mode === 'compare' && key in changes;
    const same = compared && encode(values[key]) === encode(changes[key]);
    setting.classList.toggle('compared', compared);
    // a flag as B's menu in the comparison says it (on/off), not as the URL writes it (true/false)
    const bValue = typeof changes[key] === 'boolean' ? (changes[key] ? 'on' : 'off') : encode(changes[key]);
    tag(setting, compared ? `run A’s (B: ${bValue})` : null);
    badge(setting, compared);
    warn(setting, same ? `A = B: both runs would train ${key} = ${encode(values[key])}, so the comparison compares `
      + 'nothing. Give run A another value here, or change B’s in the comparison’s changes.' : null);
  }
}

function tag(setting, text) {
  let element = setting.querySelector(`.${TAG}`);
  if (!text) {
    element?.remove();
    return;
  }
  if (!element) {
    element = document.createElement('span');
    element.className = `badge ${TAG}`;
    element.dataset.testid = 'run-a-tag';
    setting.querySelector('.setting-head label')?.after(element);
  }
  if (element.textContent !== text) element.textContent = text;
}

/** A live setting that the comparison varies waits for Reset on A's side: its badge says so while it does. */
function badge(setting, compared) {
  const element = setting.querySelector('.setting-head .badge.live, .setting-head .badge[data-was-live]');
  if (!element) return;
  if (element.dataset.wasLive && element.classList.contains('reset') === compared) return;   // says so already
  element.dataset.wasLive = 'true';
  element.textContent = compared ? 'reset' : 'live';
  element.classList.toggle('live', !compared);
  element.classList.toggle('reset', compared);
  element.title = compared ? 'Run A’s value of a compared setting: applies when both runs restart (press Reset)'
    : 'Applies to a running session at the next epoch';
}

function warn(setting, text) {
  let element = setting.querySelector(`.${WARNING}`);
  if (!text) {
    element?.remove();
    return;
  }
  if (!element) {
    element = document.createElement('p');
    element.className = WARNING;
    element.dataset.testid = 'compare-same';
    element.setAttribute('role', 'status');
    setting.append(element);
  }
  if (element.textContent !== text) element.textContent = text;
}
