// What the page has asked the server to train and what to send next: the start message of the current tab (a run,
// a comparison, a sweep), reset and step, and the live updates. It remembers what was sent, so the page can tell
// which edits are already in effect and which wait for Reset (the rules are in live-settings.js).

import { changedKeys, toConfig } from './state.js';
import { pendingFor, updateFor, withWholeObjects } from './live-settings.js';

const ENDED = ['finished', 'early-stopped', 'diverged'];
/** The server's word for what a session trains, by tab. */
const KIND = { run: 'run', compare: 'comparison', sweep: 'sweep' };

export class Session {
  /**
   * `tab()` is the tab on screen; `values()` the settings (run A's); `changes()` run B's changes; `sweep()` the
   * sweep's {message, text}; `speed()` the chosen speed or null; `send(message)` returns false when offline;
   * `lesson()` the lesson loaded (its id) or null: the server then judges that lesson's claims over the seeds;
   * `nested` the config's nesting (see state.js).
   */
  constructor({ tab, values, changes, sweep, speed, isLive, send, lesson = () => null, nested = {} }) {
    Object.assign(this, { tab, values, changes, sweep, speed, isLive, send, lesson, nested });
    this.exists = false;        // the server trains something for this socket
    this.kind = 'run';          // run | comparison | sweep
    this.status = 'ready';
    this.sent = null;           // the flat values it was started with (run A's in a comparison), plus live updates since
    this.startedWith = null;    // the flat values it was started with, without the live updates
    this.sentChanges = {};      // a comparison's changes for run B, as sent (flat)
    this.sentSweep = null;      // a sweep's setting and values, as sent (URL text)
    this.awaitingStart = false;
    this.checkpoint = null;     // what the server last said defines the run, to restore it on a new socket
    this.position = 0;          // epochs the page has seen of it (a sweep: of all its runs)
    this.running = false;       // whether it was training, not paused or ended
    this.previewing = false;    // a paused epoch 0 the page asked for, to show the data before Start
    this.restoring = false;     // a restore was sent on a new socket and the run is not back yet
  }

  /** Keeps what a restore needs from every server message: the checkpoint, the epoch reached, whether it ran. */
  observe(message) {
    const newest = (epochs) => Math.max(0, ...(epochs ?? []).map((e) => e.epoch));
    switch (message.type) {
      case 'checkpoint':
        this.checkpoint = { command: message.command, changes: message.changes };
        break;
      case 'started':
        this.position = 0;
        this.running = message.running !== false;
        break;
      case 'epoch':
        this.position = Math.max(this.position, newest(message.epochs));
        break;
      case 'compare-epoch':
        this.position = Math.max(this.position, newest(message.a?.epochs), newest(message.b?.epochs));
        break;
      case 'sweep-epoch':
        for (const run of message.runs ?? []) this.position += run.epochs.filter((e) => e.epoch > 0).length;
        break;
      case 'event':
        if (['paused', 'finished', 'early-stopped', 'diverged'].includes(message.event)) this.running = false;
        if (message.event === 'resumed') this.running = true;
        if (message.event === 'restored') this.running = message.running;
        if (message.event === 'stopped' && message.reason === 'client') this.checkpoint = null;
        break;
      default:
        break;
    }
  }

  /** The message that rebuilds the run on a new socket, at the epoch the page had reached; null without a run. */
  restoreMessage() {
    this.restoring = this.checkpoint != null;
    if (!this.checkpoint) return null;
    const message = { type: 'restore', checkpoint: this.checkpoint, position: this.position, running: this.running };
    const speed = this.speed();
    if (speed != null) message.speed = speed;
    return message;
  }

  /** Whether the tab on screen shows what the server trains. */
  onScreen() {
    return this.exists && KIND[this.tab()] === this.kind;
  }

  hasEnded() {
    return ENDED.includes(this.status);
  }

  started(message) {
    this.exists = true;
    this.restoring = false;
    this.kind = message.kind ?? 'run';
    this.awaitingStart = false;
  }

  /**
   * The data and the untrained model before Start: what the tab on screen trains (a sweep, or a comparison without
   * changes yet, shows its data through one run of its config), built and paused at epoch 0. Start then resumes it.
   */
  preview() {
    const comparing = this.tab() === 'compare' && Object.keys(this.changes()).length > 0;
    if (!this.start(comparing ? 'compare' : 'run')) return false;
    this.send({ type: 'reset' });
    this.previewing = true;
    return true;
  }

  /**
   * The learner's Start: resumes the preview when it shows the settings on screen, else starts anew. The preview's
   * start and reset may still be on their way (Start pressed the moment the page connected): the server handles
   * commands in order, so a resume sent after them still finds the run paused at epoch 0.
   */
  begin() {
    const resume = this.previewing && this.onScreen() && ['paused', 'ready', 'running'].includes(this.status)
      && this.pending().length === 0 && changedKeys(this.values(), this.sent ?? {}).length === 0;
    this.previewing = false;
    if (resume) return this.send({ type: 'resume' });
    return this.start();
  }

  /** Starts what a tab trains (the tab on screen by default). */
  start(tab = this.tab()) {
    this.previewing = false;
    const values = this.values();
    const message = { type: 'start', config: toConfig(values, this.nested) };
    const changes = tab === 'compare' ? this.changes() : {};
    if (tab === 'compare') {
      message.type = 'compare';
      message.changes = toConfig(withWholeObjects(changes, { ...values, ...changes }, this.nested), this.nested);
    } else if (tab === 'sweep') {
      message.type = 'sweep';
      Object.assign(message, this.sweep().message);
    }
    const speed = this.speed();
    if (speed != null) message.speed = speed;
    const lesson = this.lesson();
    if (lesson) message.lesson = lesson;
    if (!this.send(message)) return false;
    this.awaitingStart = true;
    this.sent = values;
    this.startedWith = values;
    this.sentChanges = changes;
    this.sentSweep = tab === 'sweep' ? this.sweep().text : null;
    return true;
  }

  /** Reset rebuilds from the settings shown: the server's reset reuses its config, so new ones start first. */
  reset() {
    this.previewing = false;
    const stale = !this.onScreen() || this.pending().length > 0 || changedKeys(this.values(), this.sent ?? {}).length > 0;
    if (stale && !this.start()) return;
    this.send({ type: 'reset' });
  }

  step() {
    const fresh = this.previewing && this.onScreen();
    this.previewing = false;
    if (!fresh && (!this.onScreen() || this.hasEnded())) this.reset();
    this.send({ type: 'step' });
  }

  state() {
    return {
      kind: this.kind, sent: this.exists ? this.sent : null, sentChanges: this.sentChanges, sentSweep: this.sentSweep,
      values: this.values(), changes: this.changes(), sweepText: this.sweep().text, isLive: this.isLive,
      nested: this.nested,
    };
  }

  /** Whether an edit may go to the server now (it is sent a moment later, once the learner stops dragging). */
  canUpdate() {
    return this.onScreen() && !this.hasEnded();
  }

  /** Sends the live edits since the last update, if any. */
  update() {
    if (!this.exists) return;
    const update = updateFor(this.state());
    if (update && this.send({ type: 'update', config: update.config })) {
      this.sent = update.sent;
      this.sentChanges = update.sentChanges;
    }
  }

  /** The names of the edits that wait for Reset. */
  pending() {
    return this.onScreen() ? pendingFor(this.state()) : [];
  }
}
