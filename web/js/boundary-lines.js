// Decision boundaries as thin lines: the 0.5 contour of each seed's output grid (marching squares, interpolated
// along the cell edges), drawn over the data, so the spread between the seeds' boundaries shows the variance of the
// model that a value of the swept setting gives.

import { rgba } from './palette.js';

/** Where a grid's output crosses the class threshold: level 127.5 of 0..255 is the output 0.5 of [0, 1]. */
const THRESHOLD = 127.5;

/**
 * Draws each boundary's contour on `ctx` (a canvas `size` pixels wide showing [−view, view]²). `boundaries`: the
 * views' boundary objects ({extent, resolution, levels}); `picked`: the index of one to draw darker, or null.
 */
export function drawBoundaryLines(ctx, size, view, boundaries, color, picked = null) {
  boundaries.forEach((boundary, index) => {
    if (!boundary?.levels) return;
    const n = boundary.resolution;
    const step = (2 * boundary.extent) / n;
    const scale = size / (2 * view);
    // Grid point (row r, column c) sits at the centre of its cell: x₁ = −extent + (c + ½)·step, x₂ = extent − (r + ½)·step.
    const px = (c) => (-boundary.extent + (c + 0.5) * step + view) * scale;
    const py = (r) => (view - (boundary.extent - (r + 0.5) * step)) * scale;
    const level = (r, c) => boundary.levels[r * n + c] - THRESHOLD;
    ctx.strokeStyle = index === picked ? rgba('#000000', 0.9) : rgba(color, 0.75);
    ctx.lineWidth = index === picked ? 2 : 1.2;
    ctx.beginPath();
    for (let r = 0; r + 1 < n; r++) {
      for (let c = 0; c + 1 < n; c++) {
        const corners = [[r, c], [r, c + 1], [r + 1, c + 1], [r + 1, c]];
        const values = corners.map(([i, j]) => level(i, j));
        const crossings = [];
        for (let e = 0; e < 4; e++) {
          const a = values[e];
          const b = values[(e + 1) % 4];
          if ((a < 0) === (b < 0)) continue;
          const t = a / (a - b);                              // where the output crosses 0.5 along this edge
          const [r0, c0] = corners[e];
          const [r1, c1] = corners[(e + 1) % 4];
          crossings.push([px(c0 + t * (c1 - c0)), py(r0 + t * (r1 - r0))]);
        }
        // Two crossings: one segment; four (a saddle): two segments, pairing neighbours.
        for (let k = 0; k + 1 < crossings.length; k += 2) {
          ctx.moveTo(crossings[k][0], crossings[k][1]);
          ctx.lineTo(crossings[k + 1][0], crossings[k + 1][1]);
        }
      }
    }
    ctx.stroke();
  });
}
