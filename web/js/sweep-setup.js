// Which setting a sweep varies and over which values: a log grid, a log-uniform random search, or a list. In the URL
// it is one key: sweep=l2:grid:1e-5:1:8, sweep=l1:random:1e-4:0.1:8, sweep=dropout:values:0,0.2,0.4.

/** Each setting's usual sweep, as the server's defaults: λ on a log grid, rates and sizes as lists. */
const DEFAULTS = {
  l1: { search: 'grid', from: 1e-5, to: 1, count: 8 },
  l2: { search: 'grid', from: 1e-5, to: 1, count: 8 },
  learningRate: { search: 'grid', from: 0.001, to: 1, count: 7 },
  dropout: { search: 'values', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] },
  inputDropout: { search: 'values', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
  trainSize: { search: 'values', values: [25, 50, 100, 200, 400, 800, 1600] },
  noise: { search: 'values', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
};

const numbers = (text) => text.split(/[\s,;]+/).filter(Boolean).map(Number);

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
    this.onChange = onChange;
    this.chosen = false;        // the learner, a link or a lesson chose the sweep: no more suggestions
    root.querySelector('.sweep-form').addEventListener('change', () => {
      this.chosen = true;
    });
    this.param.addEventListener('change', () => {
      this.apply(this.param.value, DEFAULTS[this.param.value]);
      onChange();
    });
    this.search.addEventListener('change', () => {
      this.showFields();
      onChange();
    });
    for (const box of [this.from, this.to, this.count, this.values]) box.addEventListener('change', () => onChange());
    this.apply('l2', DEFAULTS.l2);
  }

  /** The sweep a config suggests: the chosen regularizer's λ (l1 when only L1 is on), as the server picks it. */
  suggest(values) {
    if (this.chosen) return;
    const param = values.l1 > 0 && !(values.l2 > 0) ? 'l1' : 'l2';
    this.apply(param, DEFAULTS[param]);
  }

  apply(param, { search, from, to, count, values }) {
    this.param.value = param;
    this.search.value = search;
    if (from != null) this.from.value = String(from);
    if (to != null) this.to.value = String(to);
    if (count != null) this.count.value = String(count);
    this.values.value = (values ?? DEFAULTS[param].values ?? []).join(', ');
    this.showFields();
  }

  showFields() {
    const list = this.search.value === 'values';
    for (const field of this.rangeFields) field.hidden = list;
    this.valuesField.hidden = !list;
  }

  /** The swept setting, for labels: "l2". */
  parameter() {
    return this.param.value;
  }

  /** The fields of the `sweep` command: param plus one of grid, random or values. */
  message() {
    const param = this.param.value;
    const search = this.search.value;
    if (search === 'values') return { param, values: numbers(this.values.value) };
    const range = { from: Number(this.from.value), to: Number(this.to.value), count: Number(this.count.value) };
    return { param, [search]: range };
  }

  urlText() {
    const m = this.message();
    if (m.values) return `${m.param}:values:${m.values.join(',')}`;
    const range = m.grid ?? m.random;
    return `${m.param}:${m.grid ? 'grid' : 'random'}:${range.from}:${range.to}:${range.count}`;
  }

  /** Reads sweep=; false when the text names no setting this page can sweep. */
  setFromUrl(text) {
    const [param, search, ...rest] = text.split(':');
    if (!(param in DEFAULTS)) return false;
    this.chosen = true;
    if (search === 'values') {
      this.apply(param, { search, values: numbers(rest.join(':')) });
    } else if (search === 'grid' || search === 'random') {
      const [from, to, count] = rest.map(Number);
      this.apply(param, { search, from, to, count });
    } else {
      this.apply(param, DEFAULTS[param]);
    }
    return true;
  }
}
