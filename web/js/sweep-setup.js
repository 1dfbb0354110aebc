// Which setting a sweep varies and over which values: a log grid, a log-uniform random search, or a list. In the URL
// it is one key: sweep=l2:grid:1e-5:1:8, sweep=l1:random:1e-4:0.1:8, sweep=dropout:values:0,0.2,0.4, or sweep=auto
// (the server picks the chosen regularizer's λ and its usual values). Each setting's usual values are rendered by the
// server on its <option> (SweepValues.plans); nothing here repeats them.

const numbers = (text) => text.split(/[\s,;]+/).filter(Boolean).map(Number);
const AUTO = 'auto';

export class SweepSetup {
  constructor(root, { onChange }) {
    this.param = root.querySelector('#sweep-param');
    this.search = root.querySelector('#sweep-search');
    this.from = root.querySelector('#sweep-from');
    this.to = root.querySelector('#sweep-to');
    this.count = root.querySelector('#sweep-count');
    this.values = root.querySelector('#sweep-values');
    this.rangeFields = [...root.querySelectorAll('.range-field')];
    this.valuesField = root.querySelector('.values-field');
    this.searchField = this.search.closest('.field');
    this.onChange = onChange;
    this.param.addEventListener('change', () => {
      this.apply(this.param.value, this.plan(this.param.value));
      onChange();
    });
    this.search.addEventListener('change', () => {
      this.showFields();
      onChange();
    });
    for (const box of [this.from, this.to, this.count, this.values]) box.addEventListener('change', () => onChange());
    this.apply('', null);
  }

  /** The usual sweep of a setting, as the server renders it on the setting's option; null for "auto". */
  plan(param) {
    const option = [...this.param.options].find((o) => o.value === param && o.value !== '');
    if (!option) return null;
    const d = option.dataset;
    return d.search === 'values' ? { search: 'values', values: numbers(d.values) }
      : { search: d.search, from: Number(d.from), to: Number(d.to), count: Number(d.count) };
  }

  apply(param, plan) {
    this.param.value = param;
    if (plan) {
      this.search.value = plan.search;
      if (plan.from != null) this.from.value = String(plan.from);
      if (plan.to != null) this.to.value = String(plan.to);
      if (plan.count != null) this.count.value = String(plan.count);
      this.values.value = (plan.values ?? this.plan(param)?.values ?? []).join(', ');
    }
    this.showFields();
  }

  showFields() {
    const auto = this.param.value === '';
    const list = this.search.value === 'values';
    this.searchField.hidden = auto;
    for (const field of this.rangeFields) field.hidden = auto || list;
    this.valuesField.hidden = auto || !list;
  }

  /** The swept setting, for labels: "l2", or null when the server picks it. */
  parameter() {
    return this.param.value || null;
  }

  /** The fields of the `sweep` command: nothing for "auto", else param plus one of grid, random or values. */
  message() {
    const param = this.param.value;
    if (!param) return {};
    const search = this.search.value;
    if (search === 'values') return { param, values: numbers(this.values.value) };
    const range = { from: Number(this.from.value), to: Number(this.to.value), count: Number(this.count.value) };
    return { param, [search]: range };
  }

  urlText() {
    const m = this.message();
    if (!m.param) return AUTO;
    if (m.values) return `${m.param}:values:${m.values.join(',')}`;
    const range = m.grid ?? m.random;
    return `${m.param}:${m.grid ? 'grid' : 'random'}:${range.from}:${range.to}:${range.count}`;
  }

  /** Reads sweep=; false when the text names no setting this page can sweep. */
  setFromUrl(text) {
    const [param, search, ...rest] = text.split(':');
    if (param === AUTO) {
      this.apply('', null);
      return true;
    }
    const plan = this.plan(param);
    if (!plan) return false;
    if (search === 'values') {
      this.apply(param, { search, values: numbers(rest.join(':')) });
    } else if (search === 'grid' || search === 'random') {
      const [from, to, count] = rest.map(Number);
      this.apply(param, { search, from, to, count });
    } else {
      this.apply(param, plan);
    }
    return true;
  }
}
