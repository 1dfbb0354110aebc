// Which edits reach the server at once (an `update`) and which wait for Reset, for a run, a comparison and a sweep.
// Pure functions of what was sent and what the page shows now, so the rules read in one place:
// - a run: live settings update at once; the others wait;
// - a comparison: an `update` changes both runs except the compared keys, which change run B only. So a live
//   setting edited at the left (run A) goes at once unless it is compared (it would land on B); B's value of a
//   compared key goes at once; adding or removing a compared key waits;
// - a sweep: nothing but speed can change while it trains; every edit waits.
// `nested` is the config's nesting as Java renders it (see state.js).

import { changedKeys, encode, toConfig } from './state.js';

const outer = (key) => key.split('.')[0];

/** Whether the comparison varies this key (a nested key counts as its whole object, as the server sees it). */
function compared(key, sentChanges) {
  return Object.keys(sentChanges).some((k) => outer(k) === outer(key));
}

function sameKeys(a, b) {
  return Object.keys(a).sort().join() === Object.keys(b).sort().join();
}

/** Nested objects go whole: augmentation with all its strengths, earlyStopping as an object or null. */
export function withWholeObjects(partial, values, nested = {}) {
  const whole = { ...partial };
  for (const name of Object.keys(nested)) {
    if (Object.keys(partial).some((key) => outer(key) === name)) {
      for (const key of Object.keys(values)) if (outer(key) === name && !(key in whole)) whole[key] = values[key];
    }
  }
  return whole;
}

/**
 * The `update` to send now, or null: {config, sent, sentChanges} with the new flat values to remember as sent.
 * `values` are the settings at the left (run A), `changes` run B's changes as shown.
 */
export function updateFor({ kind, sent, sentChanges, values, changes, isLive, nested = {} }) {
  if (kind === 'sweep' || !sent) return null;
  const forA = changedKeys(values, sent).filter((key) => isLive(key) && !(kind === 'comparison' && compared(key, sentChanges)));
  const partial = {};
  for (const key of forA) partial[key] = values[key];
  const forB = {};
  if (kind === 'comparison' && sameKeys(changes, sentChanges)) {
    for (const [key, value] of Object.entries(changes)) {
      if (isLive(key) && encode(value) !== encode(sentChanges[key])) forB[key] = value;
    }
  }
  if (!forA.length && !Object.keys(forB).length) return null;
  // B's nested values ride on A's other values of the same object: the server replaces the object of run B.
  const bValues = { ...values, ...sentChanges, ...forB };
  const flat = { ...withWholeObjects(partial, values, nested), ...withWholeObjects(forB, bValues, nested) };
  return {
    config: toConfig(flat, nested),
    sent: { ...sent, ...partial },
    sentChanges: { ...sentChanges, ...forB },
  };
}

/** The names of the edits that wait for Reset (shown beside the buttons). */
export function pendingFor({ kind, sent, sentChanges, sentSweep, values, changes, sweepText, isLive }) {
  if (!sent) return [];
  const changed = changedKeys(values, sent);
  if (kind === 'sweep') return [...changed, ...(sweepText !== sentSweep ? ['the swept values'] : [])];
  const pending = changed.filter((key) => !isLive(key) || (kind === 'comparison' && compared(key, sentChanges)));
  if (kind === 'comparison') {
    if (!sameKeys(changes, sentChanges)) pending.push('run B’s changes');
    else pending.push(...Object.keys(changes).filter((key) => !isLive(key) && encode(changes[key]) !== encode(sentChanges[key])));
  }
  return pending;
}
