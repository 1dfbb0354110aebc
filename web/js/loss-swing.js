// A learning rate too large for the data shows as a training loss that jumps up and down from epoch to epoch instead
// of falling. The test: in the last WINDOW epochs the loss rose, by more than RISE times the run's first loss, at least
// RISES times (measured against the first loss, so a loss near 0 wobbling by a few thousandths does not count).
// Measured with the train command: on the circle set α = 0.3 never rises so, α = 1 at most 3 times in any 12 epochs,
// α = 3 7 or 8 times (seeds 1-3); the overfitting lessons at most twice (points) and once (images).

export const WINDOW = 12;
const RISE = 0.03;
const RISES = 4;

/** How many of the last WINDOW epochs raised the training loss by more than RISE × the first; null before WINDOW + 1. */
export function risesIn(history) {
  const first = history[0]?.trainLoss;
  const losses = history.slice(-(WINDOW + 1)).map((s) => s.trainLoss);
  if (losses.length < WINDOW + 1 || !Number.isFinite(first) || !losses.every(Number.isFinite)) return null;
  let rises = 0;
  for (let i = 1; i < losses.length; i++) if (losses[i] - losses[i - 1] > RISE * first) rises++;
  return rises;
}

/** The one-line hint once the loss swings (it stays until the run restarts or its learning rate changes). */
export class SwingHint {
  constructor(line) {
    this.line = line;
    this.reset();
  }

  reset() {
    this.said = false;
    this.line.hidden = true;
    this.line.textContent = '';
  }

  check(history, learningRate) {
    if (this.said) return;
    const rises = risesIn(history);
    if (rises == null || rises < RISES) return;
    this.said = true;
    this.line.textContent = `The loss swings: it went up in ${rises} of the last ${WINDOW} epochs. `
      + `The learning rate (α = ${learningRate}) is likely too large: try a smaller one.`;
    this.line.hidden = false;
  }
}
