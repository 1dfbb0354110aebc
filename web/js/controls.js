// The settings form: reads and writes typed values for the controls the server rendered from the schema. Every
// range, default, "live" flag, dataset family and the rule of which settings apply when (data-datasets, data-when)
// comes from the element's data attributes; nothing here repeats them.

import { decode, encode } from './state.js';
import { refusal } from './refusals.js';

export class Controls {
  /** `onChange(name, value)` fires when the learner changes a control (never when the page sets one). */
  constructor(root, { onChange }) {
    this.root = root;
    this.onChange = onChange;
    this.settings = new Map();
    for (const element of root.querySelectorAll('.setting[data-setting]')) {
      const setting = {
        name: element.dataset.setting,
        kind: element.dataset.kind,
        live: element.dataset.live === 'true',
        element,
        value: element.querySelector('[data-role="value"]'),
        slider: element.querySelector('[data-role="slider"]'),
        ladder: element.querySelector('[data-role="slider"]')?.dataset.ladder?.split(',').map(Number),
        error: element.querySelector('.error'),
        pending: element.querySelector('.pending'),
        formula: element.querySelector('[data-role="formula"]'),
        datasets: element.dataset.datasets?.split(','),
        when: element.dataset.when?.split('='),
      };
      setting.defaultValue = decode(setting.kind, element.dataset.default ?? '');
      this.settings.set(setting.name, setting);
      this.wire(setting);
      this.describeSlider(setting);
    }
    this.refreshRelevance();
  }

  /**
   * The config's nested objects, each with the name of the flag that switches it on or null (from Java:
   * {augmentation: null, earlyStopping: 'enabled'}), for the codecs of state.js.
   */
  nested() {
    return JSON.parse(this.root.dataset.nested ?? '{}');
  }

  /** Config key -> kind, for the URL codec. */
  kinds() {
    return new Map([...this.settings.values()].map((s) => [s.name, s.kind]));
  }

  defaults() {
    return Object.fromEntries([...this.settings.values()].map((s) => [s.name, s.defaultValue]));
  }

  /** The family of a dataset (points, features, images), as the server marks its option. */
  family(dataset) {
    const option = [...(this.settings.get('dataset')?.value.options ?? [])].find((o) => o.value === dataset);
    return option?.dataset.family ?? null;
  }

  /**
   * Every value the controls would refuse, with the server's wording ("l2: 5 is not allowed; allowed: a number in
   * [0, 1]"), from the ranges and choices the server rendered; the server still checks everything.
   */
  problems(values) {
    const found = [];
    for (const [name, value] of Object.entries(values)) {
      const setting = this.settings.get(name);
      const allowed = setting ? refusal(setting, value) : null;
      if (allowed) found.push({ name, message: `${name}: ${encode(value)} is not allowed; allowed: ${allowed}` });
    }
    return found;
  }

  /** The problems of `values`, each shown beside its field; returns them (empty when every value is allowed). */
  showProblems(values) {
    const found = this.problems(values);
    for (const { name, message } of found) this.showError(name, message);
    return found;
  }

  isLive(name) {
    return this.settings.get(name)?.live ?? false;
  }

  /** Every value, typed: numbers, strings, booleans, lists. */
  values() {
    return Object.fromEntries([...this.settings.values()].map((s) => [s.name, this.read(s)]));
  }

  /** Sets the controls to these values (missing keys keep theirs); fires no change. */
  set(values) {
    for (const [name, value] of Object.entries(values)) {
      const setting = this.settings.get(name);
      if (setting) this.write(setting, value);
    }
    this.refreshRelevance();
  }

  wire(setting) {
    const changed = () => {
      this.clearError(setting.name);
      this.refreshRelevance();
      this.onChange(setting.name, this.read(setting));
    };
    switch (setting.kind) {
      case 'integer':
      case 'number':
      case 'number-list':
        setting.slider?.addEventListener('input', () => {
          this.fromSlider(setting);
          changed();
        });
        setting.value.addEventListener('change', () => {
          // An emptied box is a value being typed, not a change to send: the server would refuse it.
          if (setting.value.value.trim() === '') return;
          this.toSlider(setting);
          changed();
        });
        break;
      case 'choice':
        setting.value.addEventListener('change', () => {
          this.describeChoice(setting);
          changed();
        });
        this.describeChoice(setting);
        break;
      case 'boolean':
        setting.value.addEventListener('change', changed);
        break;
      case 'choice-list':
        setting.element.addEventListener('change', changed);
        break;
      case 'integer-list': {
        const boxes = setting.element.querySelector('[data-role="layers"]');
        boxes.addEventListener('change', changed);
        setting.element.querySelector('[data-role="add-layer"]').addEventListener('click', () => {
          const widths = this.read(setting);
          const max = Number(setting.element.dataset.maxLength);
          if (widths.length >= max) return;
          this.write(setting, [...widths, widths.length ? widths[widths.length - 1] : 8]);
          changed();
        });
        setting.element.querySelector('[data-role="remove-layer"]').addEventListener('click', () => {
          const widths = this.read(setting);
          const min = Number(setting.element.dataset.minLength);
          if (widths.length <= min) return;
          this.write(setting, widths.slice(0, -1));
          changed();
        });
        break;
      }
      default:
        break;
    }
  }

  read(setting) {
    switch (setting.kind) {
      case 'integer':
      case 'number':
        return decode('number', setting.value.value);
      case 'number-list':
        return decode('number-list', setting.value.value.replace(/[\s;]+/g, ',').replace(/,+/g, ',').replace(/^,|,$/g, ''));
      case 'choice':
        return setting.value.value;
      case 'boolean':
        return setting.value.checked;
      case 'choice-list':
        return [...setting.element.querySelectorAll('[data-role="choice"]')].filter((c) => c.checked).map((c) => c.value);
      case 'integer-list':
        return [...setting.element.querySelectorAll('[data-role="layer"]')].map((box) => decode('number', box.value));
      default:
        return null;
    }
  }

  write(setting, value) {
    switch (setting.kind) {
      case 'integer':
      case 'number':
        setting.value.value = encode(value);
        this.toSlider(setting);
        break;
      case 'number-list':
        setting.value.value = (Array.isArray(value) ? value : [value]).map(encode).join(', ');
        this.toSlider(setting);
        break;
      case 'choice': {
        const text = String(value);
        // An unknown word is kept (as an extra option) so the server can name it in its error.
        if (![...setting.value.options].some((o) => o.value === text)) {
          const option = document.createElement('option');
          option.value = text;
          option.textContent = `${text} (unknown)`;
          option.dataset.unknown = 'true';
          setting.value.append(option);
        }
        setting.value.value = text;
        this.describeChoice(setting);
        break;
      }
      case 'boolean':
        setting.value.checked = value === true;
        break;
      case 'choice-list': {
        const chosen = new Set(Array.isArray(value) ? value : [value]);
        for (const box of setting.element.querySelectorAll('[data-role="choice"]')) box.checked = chosen.has(box.value);
        break;
      }
      case 'integer-list':
        this.writeLayers(setting, Array.isArray(value) ? value : [value]);
        break;
      default:
        break;
    }
  }

  /** Rebuilds one number box per hidden layer (DOM nodes, never markup strings). */
  writeLayers(setting, widths) {
    const holder = setting.element.querySelector('[data-role="layers"]');
    const template = holder.querySelector('[data-role="layer"]');
    const boxes = widths.map((width, i) => {
      const box = document.createElement('input');
      box.type = 'number';
      box.dataset.role = 'layer';
      box.min = setting.element.dataset.min;
      box.max = setting.element.dataset.max;
      box.step = '1';
      box.inputMode = 'numeric';
      box.value = encode(width);
      box.setAttribute('aria-label', `Neurons in hidden layer ${i + 1}`);
      if (template) box.className = template.className;
      return box;
    });
    holder.replaceChildren(...boxes);
    setting.element.querySelector('[data-role="layer-count"]').textContent =
      widths.length === 0 ? 'no hidden layer' : `${widths.length} layer${widths.length === 1 ? '' : 's'}`;
  }

  fromSlider(setting) {
    const { slider, ladder } = setting;
    if (setting.kind === 'number-list') {
      setting.value.value = slider.value === '0' ? '' : slider.value;
    } else {
      setting.value.value = ladder ? encode(ladder[Number(slider.value)]) : slider.value;
    }
    this.describeSlider(setting);
  }

  toSlider(setting) {
    const { slider, ladder } = setting;
    if (!slider) return;
    const value = setting.kind === 'number-list' ? this.read(setting)[0] ?? 0 : this.read(setting);
    if (typeof value !== 'number') return;
    if (ladder) {
      let best = 0;
      const dist = (a) => (a === 0 || value <= 0 ? (a === 0) === (value <= 0) ? 0 : Infinity : Math.abs(Math.log(a / value)));
      ladder.forEach((v, i) => {
        if (dist(v) < dist(ladder[best])) best = i;
      });
      slider.value = String(best);
    } else {
      slider.value = String(value);
    }
    this.describeSlider(setting);
  }

  /** An initializer's formula, in full, under its select (the closed select may cut it). */
  describeChoice(setting) {
    if (!setting.formula) return;
    setting.formula.textContent = setting.value.selectedOptions[0]?.dataset.formula ?? '';
  }

  /**
   * What a screen reader says for a slider: the setting and the value it stands for ("Training examples 200", "L2
   * strength λ₂ 0.0014"), never the position on a log slider's ladder ("5").
   */
  describeSlider(setting) {
    if (!setting.slider) return;
    const label = setting.element.querySelector('.setting-head label')?.textContent.trim();
    const value = setting.value.value || '0';
    setting.slider.setAttribute('aria-valuetext', label ? `${label} ${value}` : value);
  }

  /** The server's message for a field, shown beside the control; a nested object name marks its whole group. */
  showError(field, message) {
    let setting = this.settings.get(field);
    if (!setting) setting = [...this.settings.values()].find((s) => s.name.startsWith(`${field}.`));
    if (!setting) return false;
    setting.element.classList.add('invalid');
    setting.error.textContent = message;
    setting.error.hidden = false;
    setting.element.hidden = false;
    setting.element.closest('details')?.setAttribute('open', '');
    for (const input of setting.element.querySelectorAll('input, select')) input.setAttribute('aria-invalid', 'true');
    return true;
  }

  clearError(name) {
    const setting = this.settings.get(name);
    if (!setting || setting.error.hidden) return;
    setting.element.classList.remove('invalid');
    setting.error.textContent = '';
    setting.error.hidden = true;
    for (const input of setting.element.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  }

  clearErrors() {
    for (const name of this.settings.keys()) this.clearError(name);
  }

  /** Marks the settings that wait for a reset. */
  markPending(names) {
    for (const setting of this.settings.values()) {
      const pending = names.has(setting.name);
      setting.pending.hidden = !pending;
      setting.element.classList.toggle('is-pending', pending);
    }
  }

  /** Hides settings or whole groups by name (the URL's hide=). */
  hide(names) {
    this.hidden = new Set(names);
    for (const name of names) {
      this.settings.get(name)?.element.classList.add('hidden-by-url');
      this.root.querySelector(`[data-group="${CSS.escape(name.toLowerCase())}"]`)?.classList.add('hidden-by-url');
    }
  }

  /** Whether a name is a setting or a group of settings (for hide=). */
  knows(name) {
    return this.settings.has(name) || !!this.root.querySelector(`[data-group="${CSS.escape(name.toLowerCase())}"]`);
  }

  /** Hides the settings that do not apply to the values now chosen (they keep their values). */
  refreshRelevance() {
    const values = Object.fromEntries([...this.settings.values()].map((s) => [s.name, this.read(s)]));
    for (const setting of this.settings.values()) {
      if (!setting.datasets && !setting.when) continue;
      const applies = (!setting.datasets || setting.datasets.includes(values.dataset))
        && (!setting.when || encode(values[setting.when[0]]) === setting.when[1]);
      if (!setting.element.classList.contains('invalid')) setting.element.hidden = !applies;
    }
  }
}
