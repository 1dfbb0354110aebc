// The picture of the two-weight landscape: contours of J and of J + penalty over (w₁, w₂) by marching squares, the
// penalty's level set through the minimum, both minima, both regularization paths, and the optimizer's steps from a
// start the learner drags (or moves with the arrow keys). Colours come from the legend the server rendered.

const LEVELS = 14;
const MARGIN = { left: 34, right: 8, top: 8, bottom: 26 };
const KEY_MOVES = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
/** The arrow keys move the start by this fraction of the picture's half-width. */
const KEY_STEP = 1 / 40;
/** The two edges each corner of a cell touches (edges: 0 bottom, 1 right, 2 top, 3 left). */
const CORNER_EDGES = [[0, 3], [0, 1], [1, 2], [2, 3]];

export class LandscapePlot {
  /** `legend` holds the swatches and the trail checkboxes; `onStart([w1, w2])` fires as the learner moves the start. */
  constructor(canvas, legend, { onStart }) {
    Object.assign(this, { canvas, legend, onStart });
    this.view = null;
    this.start = null;
    this.dragging = false;
    canvas.addEventListener('pointerdown', (event) => {
      if (!this.view) return;
      this.dragging = true;
      canvas.setPointerCapture(event.pointerId);
      this.dragTo(event);
    });
    canvas.addEventListener('pointermove', (event) => { if (this.dragging) this.dragTo(event); });
    canvas.addEventListener('pointerup', () => { this.dragging = false; });
    canvas.addEventListener('keydown', (event) => this.key(event));
    legend.addEventListener('change', () => this.draw(this.view));
    new ResizeObserver(() => this.draw(this.view)).observe(canvas);
  }

  colour(selector) {
    const swatch = this.legend.querySelector(selector);
    return swatch ? getComputedStyle(swatch).backgroundColor : '#333';
  }

  /** Pixel ↔ weight: the same scale on both axes over [−half, half]². */
  frame() {
    const size = Math.min(this.canvas.clientWidth, this.canvas.clientHeight || this.canvas.clientWidth);
    const inner = size - Math.max(MARGIN.left + MARGIN.right, MARGIN.top + MARGIN.bottom);
    const half = this.view.surface.half;
    const scale = inner / (2 * half);
    return {
      size, half,
      x: (w1) => MARGIN.left + (w1 + half) * scale,
      y: (w2) => MARGIN.top + (half - w2) * scale,
      w1: (px) => (px - MARGIN.left) / scale - half,
      w2: (py) => half - (py - MARGIN.top) / scale,
    };
  }

  dragTo(event) {
    const rect = this.canvas.getBoundingClientRect();
    const f = this.frame();
    const clamp = (v) => Math.max(-f.half, Math.min(f.half, v));
    this.moveStart([clamp(f.w1(event.clientX - rect.left)), clamp(f.w2(event.clientY - rect.top))]);
  }

  key(event) {
    const move = KEY_MOVES[event.key];
    if (!move || !this.view) return;
    event.preventDefault();
    const half = this.view.surface.half;
    const [w1, w2] = this.start ?? this.trailStart();
    const clamp = (v) => Math.max(-half, Math.min(half, v));
    this.moveStart([clamp(w1 + move[0] * half * KEY_STEP), clamp(w2 + move[1] * half * KEY_STEP)]);
  }

  moveStart(start) {
    this.start = start;
    this.draw(this.view);
    this.onStart(start);
  }

  trailStart() {
    const trail = this.view.trails[0];
    return [trail.w1[0], trail.w2[0]];
  }

  /** Draws a view from the server (the start stays where the learner put it while the reply is on its way). */
  draw(view) {
    if (!view) return;
    this.view = view;
    const f = this.frame();
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(f.size * ratio);
    this.canvas.height = Math.round(f.size * ratio);
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, f.size, f.size);
    const { surface } = view;
    this.contours(ctx, f, surface.loss, view.optimum.loss, this.colour('.contour-j'), 1);
    if (view.penalty !== 'none') {
      this.contours(ctx, f, surface.total, view.minimum.loss + view.minimum.penalty, this.colour('.contour-total'), 1);
      contour(ctx, f, surface, surface.loss, view.minimum.loss, '#555', 2);   // the J contour the ball touches
    }
    this.axes(ctx, f);
    this.polyline(ctx, f, view.ball, this.colour('.ball'), 2.5, [], true);
    this.path(ctx, f, view.paths.l1, this.colour('.path-l1'));
    this.path(ctx, f, view.paths.l2, this.colour('.path-l2'));
    for (const box of this.legend.querySelectorAll('[data-trail]')) {
      const trail = view.trails.find((t) => t.name === box.dataset.trail);
      if (trail && box.checked) this.trail(ctx, f, trail, box.dataset.colour);
    }
    cross(ctx, f.x(view.optimum.w1), f.y(view.optimum.w2), '#1d1d1f');
    dot(ctx, f.x(view.minimum.w1), f.y(view.minimum.w2), 5.5, '#1d1d1f', '#fff');
    const [s1, s2] = this.start ?? this.trailStart();
    dot(ctx, f.x(s1), f.y(s2), 6.5, '#fff', '#1d1d1f');
  }

  /** LEVELS contours from just above `floor`, denser near it (levels rise as the square of their index). */
  contours(ctx, f, values, floor, colour, width) {
    let top = floor;
    for (const v of values) if (Number.isFinite(v) && v > top) top = v;
    for (let k = 1; k <= LEVELS; k++) {
      contour(ctx, f, this.view.surface, values, floor + (top - floor) * (k / LEVELS) ** 2, colour, width);
    }
  }

  axes(ctx, f) {
    ctx.strokeStyle = '#888';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(f.x(-f.half), f.y(0));
    ctx.lineTo(f.x(f.half), f.y(0));
    ctx.moveTo(f.x(0), f.y(-f.half));
    ctx.lineTo(f.x(0), f.y(f.half));
    ctx.stroke();
    ctx.fillStyle = '#333';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (let t = Math.ceil(-f.half); t <= f.half; t++) {
      ctx.fillText(String(t).replace('-', '−'), f.x(t), f.y(-f.half) + 14);
      ctx.fillText(String(t).replace('-', '−'), MARGIN.left - 14, f.y(t) + 4);
    }
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.fillText('w₁', f.x(f.half) - 10, f.y(0) - 6);
    ctx.fillText('w₂', f.x(0) + 14, f.y(f.half) + 12);
  }

  polyline(ctx, f, xy, colour, width, dash, fill = false) {
    if (!xy || xy.length < 4) return;
    ctx.beginPath();
    ctx.moveTo(f.x(xy[0]), f.y(xy[1]));
    for (let k = 2; k < xy.length; k += 2) ctx.lineTo(f.x(xy[k]), f.y(xy[k + 1]));
    if (fill) {
      ctx.fillStyle = colour.replace('rgb(', 'rgba(').replace(')', ', 0.12)');
      ctx.fill();
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  path(ctx, f, path, colour) {
    const xy = [];
    path.w1.forEach((w1, k) => xy.push(w1, path.w2[k]));
    this.polyline(ctx, f, xy, colour, 2, [6, 4]);
  }

  trail(ctx, f, trail, colour) {
    const xy = [];
    trail.w1.forEach((w1, k) => xy.push(w1, trail.w2[k]));
    this.polyline(ctx, f, xy, colour, 1.3, []);
    ctx.fillStyle = colour;
    for (let k = 0; k < xy.length; k += 2) {
      ctx.beginPath();
      ctx.arc(f.x(xy[k]), f.y(xy[k + 1]), 1.8, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}

/** One contour of a size × size grid (row r: w₂, column c: w₁) by marching squares, interpolating along cell edges. */
function contour(ctx, f, surface, values, level, colour, width) {
  const n = surface.size;
  const at = (i) => -surface.half + (2 * surface.half * i) / (n - 1);
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  for (let r = 0; r < n - 1; r++) {
    for (let c = 0; c < n - 1; c++) {
      const v = [values[r * n + c], values[r * n + c + 1], values[(r + 1) * n + c + 1], values[(r + 1) * n + c]];
      const above = v.map((x) => x > level);
      if (above.every((a) => a) || above.every((a) => !a)) continue;
      const point = (edge) => {
        const [i, j] = [[0, 1], [1, 2], [3, 2], [0, 3]][edge];
        const t = (level - v[i]) / (v[j] - v[i]);            // where the level crosses the edge
        const corners = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
        const x = corners[i][0] + t * (corners[j][0] - corners[i][0]);
        const y = corners[i][1] + t * (corners[j][1] - corners[i][1]);
        return [f.x(at(0) + (x * 2 * surface.half) / (n - 1)), f.y(at(0) + (y * 2 * surface.half) / (n - 1))];
      };
      const crossed = [0, 1, 2, 3].filter((edge) => {
        const [i, j] = [[0, 1], [1, 2], [3, 2], [0, 3]][edge];
        return above[i] !== above[j];
      });
      let pairs = [crossed];
      if (crossed.length === 4) {                              // a saddle: cut off the corners unlike the centre
        const centre = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
        pairs = [0, 1, 2, 3].filter((k) => above[k] !== centre).map((k) => CORNER_EDGES[k]);
      }
      for (const [a, b] of pairs) {
        const [x0, y0] = point(a);
        const [x1, y1] = point(b);
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
      }
    }
  }
  ctx.stroke();
}

function dot(ctx, x, y, radius, fill, stroke) {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

function cross(ctx, x, y, colour) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(x - 6, y - 6);
  ctx.lineTo(x + 6, y + 6);
  ctx.moveTo(x + 6, y - 6);
  ctx.lineTo(x - 6, y + 6);
  ctx.stroke();
}
