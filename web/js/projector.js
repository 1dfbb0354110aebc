// Projector mode, for a teacher's screen: large type and the bench only (the stylesheet hides the rest under
// body.projector). A button toggles it; the URL keeps it as projector=1. Chart text grows with the page's.

import { scaleChartText } from './charts.js';

export class Projector {
  /** `onChange(on)` fires when the learner toggles it (not when the page sets it from the URL). */
  constructor(button, { onChange }) {
    this.button = button;
    button.addEventListener('click', () => {
      this.set(!this.on);
      onChange(this.on);
    });
    this.on = false;
  }

  set(on) {
    this.on = on;
    document.body.classList.toggle('projector', on);
    this.button.setAttribute('aria-pressed', String(on));
    scaleChartText();
  }
}
