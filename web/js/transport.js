// Start, pause/resume, step, reset and speed. The buttons say what they will do in the current status.

export class Transport {
  constructor(root, { onStart, onPause, onResume, onStep, onReset, onSpeed }) {
    this.start = root.querySelector('#start');
    this.pause = root.querySelector('#pause');
    this.step = root.querySelector('#step');
    this.reset = root.querySelector('#reset');
    this.speed = root.querySelector('#speed');
    this.speedError = root.querySelector('#error-speed');
    this.note = root.querySelector('#pending-note');
    this.status = 'ready';
    this.connected = false;
    this.held = null;         // why Start and Restart are held (a paused class), or null
    this.heldBefore = null;
    this.start.addEventListener('click', onStart);
    this.pause.addEventListener('click', () => (this.status === 'paused' ? onResume() : onPause()));
    this.step.addEventListener('click', onStep);
    this.reset.addEventListener('click', onReset);
    this.speed.addEventListener('change', () => {
      this.showSpeedError(null);
      onSpeed(this.speedValue());
    });
  }

  /** Epochs per second; 0 means as fast as the server allows. */
  speedValue() {
    return Number(this.speed.value);
  }

  /**
   * A link's speed= as the server would take it: null when allowed, else {name, message} in the server's wording, with
   * the range the page was rendered with (Command.SPEED_ALLOWED).
   */
  speedProblem(text) {
    const value = Number(text);
    if (text != null && text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= Number(this.speed.dataset.max)) return null;
    return { name: 'speed', message: `speed: ${text} is not allowed; allowed: ${this.speed.dataset.allowed}` };
  }

  /** The refusal beside the Speed menu (null: none). */
  showSpeedError(message) {
    this.speedError.textContent = message ?? '';
    this.speedError.hidden = !message;
    if (message) this.speed.setAttribute('aria-invalid', 'true');
    else this.speed.removeAttribute('aria-invalid');
  }

  setSpeed(value) {
    const text = String(value);
    if (![...this.speed.options].some((o) => o.value === text)) {
      const option = document.createElement('option');
      option.value = text;
      option.textContent = `${text} epochs/s`;
      this.speed.append(option);
    }
    this.speed.value = text;
  }

  /** Says what "auto" means for the dataset: the server's default speed for it. */
  describeAuto(speed) {
    const auto = [...this.speed.options].find((o) => o.value === '');
    if (auto) auto.textContent = speed == null ? 'auto' : speed === 0 ? 'auto (full speed)' : `auto (${speed} epochs/s)`;
  }

  /** Holds Start, Restart, Pause and Step (a class its teacher paused), saying why; null lets them go. */
  hold(reason) {
    this.held = reason;
    this.setStatus(this.status, this.connected);
  }

  setStatus(status, connected) {
    this.status = status;
    this.connected = connected;
    const running = status === 'running';
    const paused = status === 'paused';
    this.start.textContent = running || paused ? 'Restart' : 'Start';
    this.start.disabled = !connected;
    this.pause.textContent = paused ? 'Resume' : 'Pause';
    this.pause.disabled = !connected || !(running || paused);
    this.pause.setAttribute('aria-pressed', paused ? 'true' : 'false');
    this.step.disabled = !connected || running;
    this.reset.disabled = !connected;
    for (const button of [this.start, this.pause, this.step, this.reset]) {
      if (this.held) button.disabled = true;
      if (this.held) button.title = this.held;
      else if (button.title === this.heldBefore) button.removeAttribute('title');
    }
    this.heldBefore = this.held;
  }

  /** Says which changed settings wait for a reset. */
  setPending(names, why = '') {
    this.note.textContent = names.length ? `Waiting for Reset${why}: ${names.join(', ')}` : '';
    this.reset.classList.toggle('attention', names.length > 0);
  }
}
