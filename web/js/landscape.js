// The "why L1 gives zeros" view: the penalty, λ and α it shows are the config's l1, l2 and learningRate (so the URL
// and the L1 lessons' "why?" link carry them); it asks the server for the landscape (GET landscape) and draws the
// reply. The server computes every number and writes every sentence; this file only sends, draws and reads out.

import { LandscapePlot } from './landscape-plot.js';
import { LandscapePaths } from './landscape-paths.js';
import { LandscapeSteps } from './landscape-steps.js';
import { short } from './format.js';

const ASK_DELAY_MS = 40;

export class Landscape {
  /** `onChange(values, page)` gets the config values ({l1, l2, learningRate}) and page keys ({start}) to keep in the URL. */
  constructor(root, { onChange }) {
    this.root = root;
    this.onChange = onChange;
    const $ = (selector) => root.querySelector(selector);
    Object.assign(this, {
      penalty: $('#landscape-penalty'), lambda: $('#landscape-lambda'), lambdaText: $('#landscape-lambda-value'),
      alpha: $('#landscape-alpha'), steps: $('#landscape-steps'), back: $('#landscape-back'), error: $('#landscape-error'),
      readout: { optimum: $('#landscape-optimum'), w: [$('#landscape-w1'), $('#landscape-w2')],
        objective: $('#landscape-objective'), band: $('#landscape-band') },
      sentences: { minimum: $('#landscape-minimum-sentence'), path: $('#landscape-path-sentence'),
        steps: $('#landscape-steps-sentence') },
    });
    this.shown = false;
    this.start = null;        // [w1, w2], or null for the server's default start
    this.from = null;         // the lesson the back link returns to
    this.asked = 0;
    this.timer = null;
    this.plot = new LandscapePlot($('#landscape-plot'), $('.landscape-legend'), { onStart: (start) => this.moveStart(start) });
    this.paths = new LandscapePaths($('#landscape-l1-path'), $('#landscape-l2-path'));
    this.stepsChart = new LandscapeSteps($('#landscape-steps-chart'), $('.landscape-legend'));
    $('.landscape-legend').addEventListener('change', () => this.view && this.stepsChart.draw(this.view));
    for (const input of [this.penalty, this.lambda, this.alpha, this.steps]) input.addEventListener('input', () => this.changed());
    $('#landscape-restart').addEventListener('click', () => {
      this.plot.start = null;
      this.moveStart(null);
    });
  }

  /** Shows the view for these config values and page keys ({start: 'w1,w2', from: lesson id}). */
  show(values, page) {
    this.shown = true;
    this.root.hidden = false;
    // The penalty whose keys (data-uses, from the server) are exactly the non-zero ones; the first when none is.
    const options = [...this.penalty.options];
    const on = (option) => option.dataset.uses.split(' ');
    const nonZero = [...new Set(options.flatMap(on))].filter((key) => values[key] > 0).sort().join(' ');
    const chosen = options.find((o) => on(o).sort().join(' ') === nonZero) ?? options[0];
    this.penalty.value = chosen.value;
    this.lambda.value = String(values[on(chosen)[0]]);
    this.alpha.value = String(values.learningRate);
    const start = (page.start ?? '').split(',').map(Number);
    this.start = start.length === 2 && start.every(Number.isFinite) ? start : null;
    this.plot.start = this.start;
    this.from = page.from ?? null;
    this.lambdaText.textContent = short(Number(this.lambda.value));
    this.updateBack();
    this.askSoon(0);
  }

  hide() {
    this.shown = false;
    this.root.hidden = true;
  }

  /** The config values on screen: λ goes to the keys the chosen penalty names (data-uses, rendered by the server). */
  values() {
    const lambda = Number(this.lambda.value);
    const uses = this.penalty.selectedOptions[0].dataset.uses.split(' ');
    const keys = new Set([...this.penalty.options].flatMap((o) => o.dataset.uses.split(' ')));
    const strengths = Object.fromEntries([...keys].map((key) => [key, uses.includes(key) ? lambda : 0]));
    return { ...strengths, learningRate: Number(this.alpha.value) };
  }

  changed() {
    this.lambdaText.textContent = short(Number(this.lambda.value));
    for (const [input, name] of [[this.alpha, 'learningRate'], [this.steps, 'steps']]) {
      const value = Number(input.value);
      if (input.value.trim() === '' || !(value >= Number(input.min) && value <= Number(input.max))) {
        this.error.textContent = `${name}: ${input.value} is not allowed; allowed: a number in [${input.min}, ${input.max}]`;
        return;
      }
    }
    this.onChange(this.values(), { start: this.startText() });
    this.updateBack();
    this.askSoon();
  }

  moveStart(start) {
    this.start = start;
    this.onChange(this.values(), { start: this.startText() });
    this.askSoon();
  }

  startText() {
    return this.start ? this.start.map((w) => Number(w.toFixed(3))).join(',') : null;
  }

  updateBack() {
    const { l1, learningRate } = this.values();
    const params = new URLSearchParams({ preset: this.from ?? this.back.dataset.default });
    if (l1 > 0) params.set('l1', String(l1));
    params.set('learningRate', String(learningRate));
    this.back.href = `?${params.toString().replace(/%2C/gi, ',')}`;
  }

  askSoon(delay = ASK_DELAY_MS) {
    clearTimeout(this.timer);
    this.asked++;             // a reply to what was asked before this change is not drawn
    this.timer = setTimeout(() => this.ask(), delay);
  }

  /** Only the reply to the latest request is drawn: one to an older request, or from before a change, is dropped. */
  async ask() {
    const asked = this.values();
    const { l1, l2, learningRate } = asked;
    const params = new URLSearchParams({ l1, l2, learningRate, steps: this.steps.value, grid: this.root.dataset.grid });
    if (this.start) {
      params.set('w1', this.start[0].toFixed(4));
      params.set('w2', this.start[1].toFixed(4));
    }
    const ticket = ++this.asked;
    try {
      const response = await fetch(`landscape?${params}`);
      const reply = await response.json();
      if (ticket !== this.asked) return;
      if (!response.ok) {
        this.error.textContent = reply.message ?? `the server said ${response.status}`;
        if (reply.code === 'busy') this.askSoon(250);
        return;
      }
      this.error.textContent = '';
      this.draw(reply.view, asked);
    } catch (failure) {
      if (ticket === this.asked) this.error.textContent = `Could not reach the server: ${failure.message}`;
    }
  }

  /** Draws a reply; `now` is what was asked ({l1, l2, learningRate}). */
  draw(view, now) {
    this.view = view;
    this.plot.draw(view);
    this.stepsChart.draw(view);
    this.paths.draw(view, { l1: now.l1 > 0 ? now.l1 : 0, l2: now.l2 > 0 ? now.l2 : 0 });
    this.readout.optimum.textContent = `(${short(view.optimum.w1)}, ${short(view.optimum.w2)})`;
    [view.minimum.w1, view.minimum.w2].forEach((w, i) => {
      const out = this.readout.w[i];
      out.textContent = w === 0 ? '0 (exactly)' : short(w, 4);
      out.dataset.value = String(w);
      out.classList.toggle('marked', i === view.paths.marked);
      out.classList.toggle('zero', w === 0);
    });
    this.readout.objective.textContent = `${short(view.minimum.loss, 4)}, ${short(view.minimum.penalty, 4)}`;
    this.readout.band.textContent = `[${short(view.band.low)}, ${short(view.band.high)}], 2αλ₁ = ${short(view.band.width)} wide`;
    this.root.dataset.zeroFrom = view.paths.l1.zeroFrom.join(',');
    this.root.dataset.marked = String(view.paths.marked);
    this.root.dataset.drawnL1 = String(now.l1);
    this.root.dataset.drawnL2 = String(now.l2);
    for (const key of ['minimum', 'path', 'steps']) this.sentences[key].textContent = view.sentences[key];
  }
}
