// What the page does with each message from the trainer. Split out of app.js so the controller keeps the learner's
// actions and this file keeps the server's side of the conversation; it gets the widgets and the controller's few
// verbs (status, banner, render) handed in, and imports nothing.

export class Replies {
  /**
   * parts: { session, views, controls, compareSetup, files, modes, announcer } and the verbs
   * { setStatus(status), banner(text, kind), render(), onHello(message) }.
   */
  constructor(parts) {
    Object.assign(this, parts);
  }

  received(message) {
    this.announcer.heard(message);
    switch (message.type) {
      case 'hello':
        this.onHello(message);
        break;
      case 'started':
        this.started(message);
        break;
      case 'sweep-summary':
        this.views.frame(message);
        this.setStatus('finished');
        this.render();
        break;
      case 'event':
        this.runEvent(message);
        break;
      case 'model':
        this.files.model(message);
        break;
      case 'error':
        this.serverError(message);
        break;
      default:
        // epoch, compare-epoch, sweep-epoch, sweep-run: frames for the views.
        if (this.views.frame(message)) this.render();
        break;
    }
  }

  started(message) {
    const { session, views, controls } = this;
    session.started(message);
    views.started(message);
    this.banner(null);
    views.run.objective.setConfig(controls.values());
    views.run.showDataViews(message.config?.dataset, controls.values(), true);
    if (session.kind === 'comparison') this.compareSetup.describe(message.differences, message.config, message.configB);
    this.setStatus(message.running === false ? 'paused' : 'running');
    this.refreshPending();
    this.render();
  }

  runEvent(message) {
    const { session } = this;
    switch (message.event) {
      case 'paused':
        this.setStatus('paused');
        break;
      case 'resumed':
        session.previewing = false;   // resumed by the learner or by their class's teacher: it trains now
        this.setStatus('running');
        break;
      case 'updated':
        this.views.updated(session.kind, message);
        if (session.kind === 'comparison') this.compareSetup.describe(message.differences, message.config, message.configB);
        break;
      case 'finished':
      case 'early-stopped':
      case 'diverged':
        this.ended(message);
        break;
      case 'stopped':
        session.exists = false;
        this.setStatus('stopped');
        if (message.reason !== 'client') this.banner(`The server stopped this run (${message.reason}). Press Start for a new one.`);
        break;
      default:
        break;
    }
  }

  /** A run's end; in a comparison each run ends by itself, and the comparison has ended when both have. */
  ended(message) {
    const kind = this.session.kind;
    if (this.views.ended(kind, message)) this.setStatus(kind === 'comparison' ? 'finished' : message.event);
    const who = message.run ? `Run ${message.run.toUpperCase()}: ` : '';
    const note = message.event === 'diverged' ? `${who}${message.message}`
      : message.restoredBestWeights && !who ? `${message.message}. The numbers shown are the restored model’s.` : null;
    if (note) this.banner(note, message.event === 'diverged' ? 'error' : 'info');
    this.render();
  }

  serverError(message) {
    const { session } = this;
    session.restoring = false;
    const text = message.message ?? `${message.field}: ${message.value} is not allowed; allowed: ${message.allowed}`;
    // In a comparison, a refused key that run B changes is B's value: the error goes beside it, not beside A's.
    const ofB = message.field && this.modes.mode === 'compare' && this.compareSetup.showError(message.field, text);
    const shown = ofB || (message.field && this.controls.showError(message.field, text));
    if (!shown) this.banner(text, 'error');
    else this.banner(`The server refused a setting: see ${message.field} in ${ofB ? 'run B’s changes' : 'the settings'}.`, 'error');
    if (session.awaitingStart) {
      session.awaitingStart = false;
      this.setStatus('error');
    }
    if (message.code === 'no-run') {
      session.exists = false;
      this.setStatus('ready');
    }
  }
}
