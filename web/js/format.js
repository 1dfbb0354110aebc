// Number formatting for the page: every number shown is also plain text, so screen readers and tests read it.

const DASH = '–';

/**
 * A loss to 3 significant figures (0.672, 12.3), what a reader compares; whole numbers from 1000 up. The exact value
 * goes in the element's tooltip (`titled`) and in the exports.
 */
export function loss(x) {
  if (x == null || !Number.isFinite(x)) return DASH;
  return Math.abs(x) >= 1000 ? String(Math.round(x)) : x.toPrecision(3);
}

/** A fraction in [0, 1] as a percentage. */
export function percent(x, digits = 1) {
  if (x == null || !Number.isFinite(x)) return DASH;
  return `${(x * 100).toFixed(digits)}%`;
}

/** A signed difference to 3 significant figures, with a real minus sign. */
export function signed(x) {
  if (x == null || !Number.isFinite(x)) return DASH;
  const text = loss(Math.abs(x));
  return x < 0 ? `−${text}` : `+${text}`;
}

/** Short form for any magnitude: 0.00031 → 3.1e-4, 12.345 → 12.3. */
export function short(x, digits = 3) {
  if (x == null || !Number.isFinite(x)) return DASH;
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e5) return exponent(Number(x.toPrecision(digits)));
  return String(Number(x.toPrecision(digits)));
}

/**
 * A setting's value exactly, as a person writes it (the server's Setting.plain): 0.03, 0.0001, and 1e-6 below 10⁻⁴,
 * never "1.0E-6" or "0.000001".
 */
export function plain(x) {
  if (x == null || !Number.isFinite(x)) return DASH;
  if (x === 0) return '0';
  return Math.abs(x) < 1e-4 || Math.abs(x) >= 1e15 ? exponent(x) : String(x);
}

/** 1e-6, 2.5e-5: the shortest mantissa, an exponent without a plus sign. */
function exponent(x) {
  return x.toExponential().replace('e+', 'e');
}

/** The exact value as JavaScript prints it (shortest round-trip decimal). */
export function exact(x) {
  return x == null || !Number.isFinite(x) ? DASH : plain(x);
}

/**
 * Shows `text` (a rounded number) in `element`, with the exact `value` as its tooltip when there is one: rounded on the
 * page, exact on hover, as in the exports.
 */
export function titled(element, text, value) {
  if (element.textContent !== text) element.textContent = text;
  const title = typeof value === 'number' && Number.isFinite(value) ? exact(value) : '';
  if (element.title !== title) element.title = title;
}

/** A count with thousands separators. */
export function count(n) {
  return n == null || !Number.isFinite(n) ? DASH : Math.round(n).toLocaleString('en-US');
}

/** Bytes in B, kB, MB (powers of 1000, as storage is sold). */
export function bytes(n) {
  if (n == null || !Number.isFinite(n)) return DASH;
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  return `${(n / 1e6).toFixed(2)} MB`;
}
