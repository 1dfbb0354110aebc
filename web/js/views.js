// The three views behind the tabs (one run, an A/B comparison, a sweep) and which server message goes to which. The
// page controller hands every frame here and asks for a render of the tab on screen.

import { RunView } from './run-view.js';
import { CompareView } from './compare-view.js';
import { SweepView } from './sweep-view.js';

export class Views {
  /** `onViewSeed(index)` asks the server to show another seed's model (a run's or a comparison's). */
  constructor({ compareRoot, sweepRoot, labelOf, family, onViewSeed, lessonEvidence }) {
    this.run = new RunView({ family, onViewSeed, lessonEvidence });
    this.compare = new CompareView(compareRoot, { onViewSeed, lessonEvidence });
    this.sweep = new SweepView(sweepRoot, { labelOf });
  }

  /** The view of what the server trains: `kind` is run, comparison or sweep. */
  of(kind) {
    return kind === 'comparison' ? this.compare : kind === 'sweep' ? this.sweep : this.run;
  }

  started(message) {
    this.of(message.kind).started(message);
  }

  /** Any frame of scalars, reports and views; true when there is something new to draw. */
  frame(message) {
    switch (message.type) {
      case 'epoch':
        return this.run.frame(message);
      case 'compare-epoch':
        return this.compare.frame(message);
      case 'sweep-epoch':
        return this.sweep.frame(message);
      case 'sweep-run':
        this.sweep.runEnded(message);
        return true;
      case 'sweep-value':
        this.sweep.valueEnded(message);
        return true;
      case 'sweep-summary':
        this.sweep.summarize(message);
        return true;
      default:
        return false;
    }
  }

  updated(kind, message) {
    if (kind === 'comparison') this.compare.updated(message);
    else if (kind === 'run') this.run.updated(message.config);
  }

  /** An end event; returns whether everything has ended (both runs, in a comparison). */
  ended(kind, message) {
    if (kind === 'comparison') {
      this.compare.ended(message);
      return this.compare.hasEnded();
    }
    return this.run.ended(message);
  }

  /** Draws the tab on screen. Before a comparison or a sweep has pictures, the data of a run of the same config. */
  render(mode, values, runExists, status) {
    const points = this.run.views.points ?? null;
    if (mode === 'compare') this.compare.render(status, points);
    else if (mode === 'sweep') {
      this.sweep.render();
      const { weights, inputs } = this.run.views;
      if (points) this.sweep.showData(points);
      else if (weights) this.sweep.showInputs(weights, inputs, this.run.dataset?.featureNames);
    } else this.run.render(values, runExists);
  }

  /** What the Save buttons save on this tab: {epoch, has, rows(), json(), csvLabel, weights}. */
  files(mode) {
    if (mode === 'compare') {
      const c = this.compare;
      return { epoch: c.lastEpoch(), has: c.lastEpoch() >= 0, rows: () => c.csvRows(), json: () => c.json(),
        csvLabel: 'CSV', weights: true };
    }
    if (mode === 'sweep') {
      const s = this.sweep;
      return { epoch: null, has: s.runs.some((r) => r.latest || r.end), rows: () => s.csvRows(), json: () => s.json(),
        csvLabel: 'Table CSV', weights: false };
    }
    const r = this.run;
    return { epoch: r.latest?.epoch, has: r.history.length > 0, rows: () => r.rows(), json: () => r.json(),
      csvLabel: 'CSV', weights: true };
  }
}
