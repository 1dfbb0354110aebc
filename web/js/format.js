// Number formatting for the page: every number shown is also plain text, so screen readers and tests read it.

const DASH = '–';

/** A loss: four decimals below 10, five significant digits above. */
export function loss(x) {
  if (x == null || !Number.isFinite(x)) return DASH;
  return Math.abs(x) < 10 ? x.toFixed(4) : x.toPrecision(5);
}

/** A fraction in [0, 1] as a percentage. */
export function percent(x, digits = 1) {
  if (x == null || !Number.isFinite(x)) return DASH;
  return `${(x * 100).toFixed(digits)}%`;
}

/** A signed difference, with a real minus sign. */
export function signed(x, digits = 4) {
  if (x == null || !Number.isFinite(x)) return DASH;
  const text = Math.abs(x).toFixed(digits);
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
