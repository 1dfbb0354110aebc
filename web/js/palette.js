// Okabe–Ito, the palette that stays distinct for the common colour-vision deficiencies. Lines also differ by dash
// pattern, so no reading depends on colour alone.

export const OKABE_ITO = {
  black: '#000000', orange: '#E69F00', sky: '#56B4E9', green: '#009E73',
  yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7',
};

export const SPLIT = {
  train: OKABE_ITO.blue,
  validation: OKABE_ITO.vermillion,
  test: OKABE_ITO.green,
  penalty: '#6b6b6b',
};

/** Fill of the generalization gap and of its (rare) opposite. */
export const GAP_FILL = 'rgba(213, 94, 0, 0.17)';
export const NEGATIVE_GAP_FILL = 'rgba(0, 114, 178, 0.08)';

export const MARKER = { best: '#000000', stop: OKABE_ITO.purple };

/** One colour per layer or class, in an order that keeps neighbours apart. */
export const SERIES = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.sky,
  OKABE_ITO.vermillion, '#7a6a00', OKABE_ITO.black];

/** Diverging map for signed values: blue (negative) – white (0) – orange (positive). */
export const NEGATIVE_RGB = [0, 114, 178];
export const POSITIVE_RGB = [230, 159, 0];

export function rgba(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Colour for v in [−1, 1] on the diverging map, as [r, g, b]. */
export function diverging(v) {
  const t = Math.max(-1, Math.min(1, v));
  const end = t < 0 ? NEGATIVE_RGB : POSITIVE_RGB;
  const a = Math.abs(t);
  return [255 + (end[0] - 255) * a, 255 + (end[1] - 255) * a, 255 + (end[2] - 255) * a];
}
