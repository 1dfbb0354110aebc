// What a screen reader hears while a run trains: events, not frames. The number tiles, captions and verdict lists
// are quiet (aria-live off: they change many times a second); this one polite region says that training started, the
// best epoch so far (when it moves, at most every few seconds), that a run ended, and that a verdict changed.

/** A message waits at least this long after the one before it; a newer one in the meantime replaces it. */
const GAP_MS = 2000;

export class Announcer {
  constructor(region) {
    this.region = region;
    this.last = 0;
    this.pending = null;
    this.timer = null;
    this.reset();
  }

  /** Forgets what the run said so far (a new run announces its own best epoch and verdicts). */
  reset() {
    this.best = null;
    this.verdicts = '';
  }

  /** Reads one message from the trainer and says what is an event in it. */
  heard(message) {
    switch (message.type) {
      case 'started':
        this.reset();
        this.say(`${message.kind === 'comparison' ? 'Comparison' : message.kind === 'sweep' ? 'Sweep' : 'Training'} started.`);
        break;
      case 'event':
        if (['finished', 'early-stopped', 'diverged'].includes(message.event)) this.ended(message);
        break;
      case 'epoch':
        this.frame(message.best, message);
        break;
      case 'compare-epoch':
        this.frame(message.b?.best ?? message.a?.best, message);
        break;
      default:
        break;
    }
  }

  ended(message) {
    const who = message.run ? `Run ${message.run.toUpperCase()} ` : '';
    const how = message.event === 'early-stopped' ? 'stopped early' : message.event === 'diverged' ? 'diverged' : 'finished';
    this.say(`${who}${how} at epoch ${message.epochs ?? '?'}.`);
  }

  /** A frame's best epoch (the viewed seed's) and verdicts: said only when they change. */
  frame(best, message) {
    const verdicts = [...(message.claims ?? []), ...(message.verdicts ?? [])].filter((v) => v?.sentence);
    const labels = verdicts.map((v) => `${v.id}:${v.label ?? v.status}`).join('|');
    if (verdicts.length && labels !== this.verdicts) {
      this.verdicts = labels;
      const first = verdicts[0];
      this.say(`Verdict: ${first.label ?? first.status}: ${first.sentence}`);
    } else if (best?.epoch > 0 && best.epoch !== this.best) {
      this.best = best.epoch;
      this.say(`Best validation epoch so far: ${best.epoch}.`);
    }
  }

  say(text) {
    this.pending = text;
    if (this.timer) return;
    const wait = Math.max(0, this.last + GAP_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.last = performance.now();
      this.region.textContent = this.pending;
      this.pending = null;
    }, wait);
  }
}
