// What the page does as its socket opens, drops and comes back, and as the server first says hello: the link's
// autostart, else the preview; a class seat's config first; a lost connection said, and the run brought back. The page
// controller (app.js) hands it the widgets and its own start and preview.

import { fromConfig } from './state.js';
import { banner, showConnection } from './notices.js';

export class ConnectionFlow {
  /**
   * `member()`: this page's class seat or null; `start()`, `preview()`, `setStatus(status)`, `writeUrl()` and
   * `describeAuto()` are the page controller's; `autostart`: whether the link starts the run by itself.
   */
  constructor({ session, transport, controls, modes, member, start, preview, setStatus, writeUrl, describeAuto, autostart }) {
    Object.assign(this, { session, transport, controls, modes, member, start, preview, setStatus, writeUrl, describeAuto });
    this.connected = false;
    this.autostart = autostart;
    this.speedDefaults = {};       // each dataset's default speed, from the server's hello
  }

  hello(message) {
    this.speedDefaults = message.speeds?.defaults ?? {};
    this.describeAuto();
    if (this.member()?.hello()) return;      // joined: the preview (or autostart) waits for the seat's config
    this.startOrPreview();
  }

  /** Seated in a class (or not, when the join was refused): the class's config on the controls, then as any page. */
  seated(assignment) {
    if (assignment) {
      this.controls.set(fromConfig(assignment.config, this.controls.defaults(), this.controls.nested()));
      this.modes.choose('run');
      this.writeUrl();
    }
    this.startOrPreview();
  }

  /** The link's autostart, else the preview (unless a restore on its way, or a Start already sent, brings the run). */
  startOrPreview() {
    const { session } = this;
    if (this.autostart) {
      this.autostart = false;
      this.start();
    } else if (!session.exists && !session.restoring && !session.awaitingStart) {
      this.preview();
    }
  }

  changed(state) {
    const { session } = this;
    this.connected = state === 'open';
    showConnection(state);
    if (state === 'lost' && session.status !== 'disconnected') {
      const hadRun = session.exists && !session.previewing;
      session.exists = false;
      banner(hadRun ? 'The connection to the trainer was lost. Reconnecting… the run will go on from where it was.'
        : 'The connection to the trainer was lost. Reconnecting…', 'error');
      this.setStatus('disconnected');
    } else if (state === 'open' && session.status === 'disconnected') {
      banner(session.restoring ? 'Reconnected: bringing the run back…' : 'Reconnected. Press Start to train again.');
      this.setStatus('ready');
    }
    this.transport.setStatus(session.status, this.connected);
  }
}
