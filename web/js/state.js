// The shareable state. Like tensorflow/playground's state.ts, one table says how each URL key reads and writes:
// config keys (taken from the rendered schema, so nothing is listed twice) plus a few page keys. The URL holds the
// whole state: loading it restores every control exactly. How a config nests is Java's too: `nested` maps each
// nested object to the flag that switches it on, or null ({augmentation: null, earlyStopping: 'enabled'}, rendered
// into the page as data-nested); a switched object is null when off.

/** Keys that are not config keys. */
export const PAGE_KEYS = {
  /** A class experiment's join link: ?class=ID (read by app.js, kept in the address so a reload rejoins). */
  class: { read: (s) => s, write: (v) => v || null },
  /** The learner's nickname in a class, from the join link. */
  nick: { read: (s) => s, write: (v) => v || null },
  autostart: { read: (s) => s === '1' || s === 'true', write: (v) => (v ? '1' : null) },
  /** An A/B comparison: run B's changes, compare=l2:0.01,dropout:0.5 (read by compare-setup.js). */
  compare: { read: (s) => s, write: (v) => v || null },
  embed: { read: (s) => s === '1' || s === 'true', write: (v) => (v ? '1' : null) },
  hide: { read: (s) => s.split(',').map((x) => x.trim()).filter(Boolean), write: (v) => (v?.length ? v.join(',') : null) },
  preset: { read: (s) => s, write: (v) => v || null },
  /** Large type and the bench only, for a projector. */
  projector: { read: (s) => s === '1' || s === 'true', write: (v) => (v ? '1' : null) },
  /** Which parts of the page to show (the others are hidden): show=curves,sparsity (read by address.js). */
  show: { read: (s) => s.split(',').map((x) => x.trim()).filter(Boolean), write: (v) => (v?.length ? v.join(',') : null) },
  speed: { read: (s) => Number(s), write: (v) => (v == null ? null : String(v)) },
  /** The landscape view's optimizer start, start=w1,w2 (read by landscape.js). */
  start: { read: (s) => s, write: (v) => v || null },
  /** The lesson the landscape view links back to, from=l1-subgradient (read by landscape.js). */
  from: { read: (s) => s, write: (v) => v || null },
  /** A sweep: sweep=l2:grid:1e-5:1:8 (read by sweep-setup.js). */
  sweep: { read: (s) => s, write: (v) => v || null },
};

/** Reads one config value from its URL text, by the setting's kind; a bad value stays as text for the server to reject. */
export function decode(kind, text) {
  switch (kind) {
    case 'integer':
    case 'number': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      return text;
    case 'integer-list':
    case 'number-list':
      return text.trim() === '' ? [] : text.split(',').map((x) => decode('number', x.trim()));
    case 'choice-list':
      return text.trim() === '' ? [] : text.split(',').map((x) => x.trim());
    default:
      return text;
  }
}

/** The URL text of one config value. */
export function encode(value) {
  if (Array.isArray(value)) return value.map(encode).join(',');
  return String(value);
}

function same(a, b) {
  return encode(a) === encode(b);
}

/** The switch of each switched object: {earlyStopping: 'earlyStopping.enabled'}. */
function switches(nested) {
  return Object.fromEntries(Object.entries(nested).filter(([, flag]) => flag != null).map(([object, flag]) => [object, `${object}.${flag}`]));
}

/**
 * Parses a query string. `kinds` maps every config key to its kind, `nested` is the config's nesting. Returns the
 * config values given, the page keys, and the keys nobody knows (shown to the learner, never silently dropped).
 */
export function parseQuery(search, kinds, nested = {}) {
  const params = new URLSearchParams(search);
  const values = {};
  const page = {};
  const unknown = [];
  for (const [key, text] of params) {
    if (key in PAGE_KEYS) page[key] = PAGE_KEYS[key].read(text);
    else if (kinds.has(key)) values[key] = decode(kinds.get(key), text);
    else unknown.push(key);
  }
  // A key of a switched object switches it on (early stopping), as a nested object does in a config.
  for (const [object, flag] of Object.entries(switches(nested))) {
    if (!(flag in values) && Object.keys(values).some((k) => k.startsWith(`${object}.`))) values[flag] = true;
  }
  return { values, page, unknown };
}

/** The query for these values: only keys that differ from the defaults, in schema order, then the page keys. */
export function toQuery(values, defaults, page) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (!same(value, defaults[key])) params.set(key, encode(value));
  }
  for (const [key, spec] of Object.entries(PAGE_KEYS)) {
    const text = spec.write(page[key]);
    if (text != null) params.set(key, text);
  }
  // Commas, colons and dots are safe in a query; keeping them readable makes links readable.
  return params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** Flat dotted values -> the protocol's config object (nested objects; a switched one null when off). */
export function toConfig(flat, nested = {}) {
  const config = {};
  for (const [key, value] of Object.entries(flat)) {
    const dot = key.indexOf('.');
    if (dot < 0) config[key] = value;
    else (config[key.slice(0, dot)] ??= {})[key.slice(dot + 1)] = value;
  }
  for (const [object, flag] of Object.entries(nested)) {
    const fields = config[object];
    if (flag == null || !fields) continue;
    if (!(flag in fields)) {
      delete config[object];   // a switched object's fields say nothing without its switch
      continue;
    }
    const { [flag]: on, ...rest } = fields;
    config[object] = on === true ? rest : on === false ? null : fields;
  }
  return config;
}

/** The protocol's config object -> flat dotted values; `base` supplies a switched object's fields when it is off. */
export function fromConfig(config, base = {}, nested = {}) {
  const flat = {};
  const flags = switches(nested);
  for (const [key, value] of Object.entries(config)) {
    if (key in flags) {
      flat[flags[key]] = value != null;
      if (value == null) {
        for (const [k, v] of Object.entries(base)) if (k.startsWith(`${key}.`) && !(k in flat)) flat[k] = v;
        continue;
      }
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value)) flat[`${key}.${inner}`] = v;
    } else {
      flat[key] = value;
    }
  }
  return flat;
}

/** The keys whose values differ between two flat value sets. */
export function changedKeys(a, b) {
  return Object.keys(a).filter((key) => !same(a[key], b[key]));
}

/** Whether dropout or augmentation is on (flat values), so the training numbers need saying what they measure. */
export function trainsDifferently(values) {
  const dropout = [].concat(values.dropout ?? []).some((p) => p > 0) || values.inputDropout > 0;
  const augmented = Object.entries(values).some(([key, v]) => key.startsWith('augmentation.') && v !== 0 && v !== false);
  return dropout || augmented;
}
