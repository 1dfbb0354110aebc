// A small line beside the transport buttons while a step takes longer than a frame: how far the epoch in progress has come
// ("epoch 3: minibatch 1,234 of 6,000"), that data is loading, or how far a restore has replayed; and a note after a
// restore ("Server changed, resumed at epoch 143"). The server says all of it; this only shows it.

export class RunProgress {
  /** Puts its elements at the end of `container` (the transport bar: it takes no height from the bench). */
  constructor(container) {
    this.line = document.createElement('div');
    this.line.className = 'run-progress';
    this.line.dataset.testid = 'run-progress';
    this.line.hidden = true;
    this.bar = document.createElement('progress');
    this.label = document.createElement('span');
    this.line.append(this.bar, ' ', this.label);
    this.note = document.createElement('p');
    this.note.className = 'run-note';
    this.note.dataset.testid = 'run-note';
    this.note.setAttribute('role', 'status');
    this.note.hidden = true;
    container.append(this.line, this.note);
    this.server = null;
    this.changed = false;
  }

  received(message) {
    switch (message.type) {
      case 'hello':
        this.changed = this.server != null && this.server !== message.server;
        this.server = message.server;
        break;
      case 'progress':
        this.show(message);
        break;
      case 'started':
        this.line.hidden = true;
        if (message.reason !== 'restore') this.say(null);
        break;
      case 'epoch':
      case 'compare-epoch':
      case 'sweep-epoch':
        this.line.hidden = true;
        break;
      case 'event':
        if (message.event === 'restored') {
          this.line.hidden = true;
          this.say(`${this.changed ? 'Server changed' : 'Reconnected'}, resumed at epoch ${message.position}.`);
        }
        break;
      default:
        break;
    }
  }

  show(progress) {
    const count = (n) => Number(n).toLocaleString();
    if (progress.phase === 'loading') {
      this.bar.removeAttribute('value');
      this.label.textContent = `loading ${progress.dataset}…`;
    } else {
      this.bar.max = Math.max(1, progress.total);
      this.bar.value = progress.done;
      this.label.textContent = {
        training: `epoch ${progress.epoch}: minibatch ${count(progress.done)} of ${count(progress.total)}`,
        measuring: `epoch ${progress.epoch}: measuring, ${count(progress.done)} of ${count(progress.total)} examples`,
        restoring: `restoring: epoch ${count(progress.done)} of ${count(progress.total)}`,
      }[progress.phase] ?? `${progress.phase}: ${count(progress.done)} of ${count(progress.total)}`;
    }
    this.line.hidden = false;
  }

  say(text) {
    this.note.hidden = !text;
    this.note.textContent = text ?? '';
  }
}
