// What run B changes: a list of settings with B's value beside A's, filled by quick toggles (L2 on/off, dropout 0 vs
// 0.5, ...) or any other setting but the data and the seed, which both runs share. In the URL it is one key,
// compare=l2:0.01,dropout:0.5 (a list value keeps its commas: hiddenLayers:32,32 — every key has a colon).

import { decode, encode } from './state.js';
import { plain } from './format.js';

/**
 * A quick toggle's change of B given A's values and the data's family (points, features, images), from Java's table
 * on the button (data-quick-changes: {family: {on, off}}): on for A when one of its settings holds a positive number
 * (any entry of a list) or its "on" choice, B then takes the "off" values, else the "on" ones; null for a family the
 * toggle does not serve.
 */
function quickChange(button, a, family) {
  const values = JSON.parse(button.dataset.quickChanges)[family];
  if (!values) return null;
  const on = Object.entries(values.on).some(([key, onValue]) => (typeof onValue === 'string' ? a[key] === onValue
    : [a[key] ?? []].flat().some((v) => v > 0)));
  return on ? values.off : values.on;
}

export class CompareSetup {
  /**
   * `values()` gives run A's flat values; `kinds` maps keys to kinds; `family(dataset)` names a dataset's family;
   * `onChange(key)` fires on any edit.
   */
  constructor(root, { values, kinds, family, onChange }) {
    this.values = values;
    this.family = family;
    this.kinds = kinds;
    this.onChange = onChange;
    this.list = root.querySelector('#compare-changes');
    this.keySelect = root.querySelector('#compare-key');
    this.description = root.querySelector('#compare-differences');
    this.edits = root.querySelector('#compare-edits');
    this.quickButtons = [...root.querySelectorAll('[data-quick]')];
    this.rows = new Map();                      // key -> {row, input}
    for (const button of this.quickButtons) button.addEventListener('click', () => this.toggle(button));
    root.querySelector('#compare-add').addEventListener('click', () => {
      const key = this.keySelect.value;
      if (!this.rows.has(key)) this.add(key, this.values()[key]);
      this.rows.get(key).input.focus();
      this.changed(key);
    });
    this.refresh();
  }

  /** Run B's changes as flat dotted values. */
  changes() {
    return Object.fromEntries([...this.rows].map(([key, { input }]) => [key, this.read(key, input)]));
  }

  has() {
    return this.rows.size > 0;
  }

  /** compare= text of the URL, or null with no changes. */
  urlText() {
    if (!this.rows.size) return null;
    return Object.entries(this.changes()).map(([key, value]) => `${key}:${encode(value)}`).join(',');
  }

  /** Reads compare=; keys nobody knows are returned, to be named to the learner. */
  setFromUrl(text) {
    this.clear();
    const unknown = [];
    let key = null;
    let parts = [];
    const flush = () => {
      if (key == null) return;
      if (this.kinds.has(key)) this.add(key, decode(this.kinds.get(key), parts.join(',')));
      else unknown.push(key);
    };
    for (const token of text.split(',')) {
      const colon = token.indexOf(':');
      if (colon < 0) {
        parts.push(token);
      } else {
        flush();
        key = token.slice(0, colon).trim();
        parts = [token.slice(colon + 1)];
      }
    }
    flush();
    this.refresh();
    return unknown;
  }

  /** Replaces the changes by these (flat) values, e.g. the settings edited since the last run. */
  setChanges(changes, note = null) {
    this.clear();
    for (const [key, value] of Object.entries(changes)) this.add(key, value);
    this.edits.hidden = !note;
    this.edits.textContent = note ?? '';
    this.refresh();
  }

  /**
   * "Compare with what I changed": when the settings differ from those the last run started with (`sent`; a live
   * edit counts too, though the run took it) in settings a comparison may change, those become B's changes and the
   * last run as started becomes A. Returns A's values, or null with no such edits.
   */
  fromEdits(sent) {
    if (!sent) return null;
    const now = this.values();
    const offered = new Set([...this.keySelect.options].map((o) => o.value));
    const edits = Object.keys(now).filter((key) => offered.has(key) && encode(now[key]) !== encode(sent[key]));
    if (!edits.length) return null;
    this.setChanges(Object.fromEntries(edits.map((key) => [key, now[key]])),
      'Run B takes the settings you changed since the last run; run A is that run.');
    return sent;
  }

  clear() {
    this.rows.clear();
    this.list.replaceChildren();
  }

  quick(button) {
    const a = this.values();
    return quickChange(button, a, this.family(a.dataset));
  }

  /** A quick change: on, it replaces every other change of B; pressed again, it removes its own. */
  toggle(button) {
    const wanted = this.quick(button);
    if (!wanted) return;
    const keys = Object.keys(wanted);
    if (button.getAttribute('aria-pressed') === 'true') {
      for (const key of keys) this.remove(key, false);
    } else {
      this.clear();
      for (const [key, value] of Object.entries(wanted)) this.add(key, value);
    }
    this.changed(keys[0]);
  }

  add(key, value) {
    const row = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'change-name';
    name.textContent = this.label(key);
    const a = document.createElement('span');
    a.className = 'change-a';
    const arrow = document.createElement('span');
    arrow.textContent = '→ B:';
    arrow.className = 'change-arrow';
    const input = this.inputFor(key);
    input.setAttribute('aria-label', `Run B’s ${this.label(key)}`);
    input.dataset.key = key;
    this.write(input, value);
    input.addEventListener('change', () => {
      // An emptied box is a value being typed, not a change to send: the server would refuse it.
      if (input.value.trim() === '') return;
      this.clearError(key);
      this.changed(key);
    });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '✕';
    remove.className = 'remove';
    remove.setAttribute('aria-label', `Remove the change of ${this.label(key)}`);
    remove.addEventListener('click', () => this.remove(key, true));
    const error = document.createElement('span');
    error.className = 'error';
    error.hidden = true;
    error.id = `compare-error-${key.replace(/\W/g, '-')}`;
    input.setAttribute('aria-describedby', error.id);
    row.append(name, a, arrow, input, remove, error);
    row.dataset.key = key;
    this.list.append(row);
    this.rows.set(key, { row, input, a, error });
  }

  /** The server's refusal of B's value, beside it; false when B does not change this key. */
  showError(field, message) {
    const row = this.rows.get(field) ?? [...this.rows].find(([key]) => key.startsWith(`${field}.`))?.[1];
    if (!row) return false;
    row.error.textContent = message;
    row.error.hidden = false;
    row.input.setAttribute('aria-invalid', 'true');
    return true;
  }

  clearError(key) {
    const row = this.rows.get(key);
    if (!row) return;
    row.error.hidden = true;
    row.error.textContent = '';
    row.input.removeAttribute('aria-invalid');
  }

  /**
   * Removes B's change of `key`; `notify` (the learner pressed its ✕) also moves the focus, which would otherwise fall
   * to the page's body with the removed button: to the next change's ✕, else the previous one's, else "Change…".
   */
  remove(key, notify) {
    const row = this.rows.get(key)?.row;
    const neighbour = row?.nextElementSibling ?? row?.previousElementSibling;
    row?.remove();
    this.rows.delete(key);
    if (!notify) return;
    this.changed(key);
    (neighbour?.querySelector('button.remove') ?? document.getElementById('compare-more'))?.focus();
  }

  changed(key) {
    this.refresh();
    this.onChange(key);
  }

  /** A's side of every row and the pressed state of the quick toggles follow the settings at the left. */
  refresh() {
    const a = this.values();
    // A part of a group A leaves off (B's patience while A does not stop early) is not A's: say so, not its idle value.
    const unused = (key) => key.includes('.') && a[`${key.split('.')[0]}.enabled`] === false && !key.endsWith('.enabled');
    for (const [key, { a: cell }] of this.rows) cell.textContent = `A: ${unused(key) ? 'not used' : show(a[key])}`;
    for (const button of this.quickButtons) {
      const wanted = this.quick(button);
      button.disabled = !wanted;
      // Pressed only when B holds the toggle's own values: B's all-zeros init is not the "too-large init" toggle.
      const b = this.changes();
      button.setAttribute('aria-pressed', String(!!wanted && Object.entries(wanted).every(([key, value]) => key in b
        && encode(b[key]) === encode(value))));
    }
  }

  /** "A: l2 = 0 · B: l2 = 0.01", from the server's normalized configs when a comparison has started. */
  describe(differences, configA, configB) {
    if (!differences?.length) {
      this.description.textContent = this.rows.size ? '' : 'Add at least one change: B must differ from A.';
      return;
    }
    const keys = differences.flatMap((key) => expand(key, configA?.[key], configB?.[key]));
    const text = (config, key) => `${key} = ${show(lookup(config, key))}`;
    this.description.textContent = `A: ${keys.map((k) => text(configA, k)).join(', ')} · `
      + `B: ${keys.map((k) => text(configB, k)).join(', ')}`;
  }

  label(key) {
    return this.keySelect.querySelector(`option[value="${CSS.escape(key)}"]`)?.textContent ?? key;
  }

  /** A select for choices and flags (same options as the settings form), a text box for numbers and lists. */
  inputFor(key) {
    const kind = this.kinds.get(key);
    const source = document.querySelector(`[data-setting="${CSS.escape(key)}"] select[data-role="value"]`);
    if (kind === 'choice' && source) {
      const select = document.createElement('select');
      for (const option of source.options) select.append(new Option(option.textContent, option.value));
      return select;
    }
    if (kind === 'boolean') {
      const select = document.createElement('select');
      select.append(new Option('on', 'true'), new Option('off', 'false'));
      return select;
    }
    const box = document.createElement('input');
    box.type = 'text';
    box.className = kind.endsWith('list') ? 'list-box' : 'number-box';
    box.inputMode = kind === 'choice-list' ? 'text' : 'decimal';
    return box;
  }

  read(key, input) {
    const kind = this.kinds.get(key);
    const text = input.value.trim();
    return decode(kind, kind.endsWith('list') ? text.replace(/[\s;]+/g, ',').replace(/,+/g, ',').replace(/^,|,$/g, '') : text);
  }

  write(input, value) {
    input.value = encode(value);
  }
}

/** A nested difference names its inner keys ("augmentation.jitter"), except a whole object against null (off). */
function expand(key, a, b) {
  const object = (v) => v && typeof v === 'object' && !Array.isArray(v);
  if (!object(a) || !object(b)) return [key];
  return Object.keys(a).filter((inner) => encode(a[inner]) !== encode(b[inner])).map((inner) => `${key}.${inner}`);
}

/** A config value as a learner reads it: lists with commas, an empty list as "none", null as "off". */
function show(value) {
  if (value == null) return 'off';
  if (typeof value === 'boolean') return value ? 'on' : 'off';    // as B's menu says it
  if (typeof value === 'number') return plain(value);
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : 'none';
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A dotted key in a nested config ("augmentation.jitter"). */
function lookup(config, key) {
  return key.split('.').reduce((object, part) => (object == null ? undefined : object[part]), config);
}
