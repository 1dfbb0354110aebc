// Lessons with a view of their own (the landscape of "why L1 gives zeros") and the L1 lessons' "why?" link to it.
// The page controller never sees them: open-link.js makes this once, and it follows the lesson picker by itself.
// The landscape's λ, penalty and α are the config's l1, l2 and learningRate, so the URL carries them like any setting.

import { Landscape } from './landscape.js';

export class LessonViews {
  /** `page` is the page controller's own page-keys object (start= and from= are kept in it). */
  constructor({ lessons, controls, address, transport, page }) {
    Object.assign(this, { lessons, controls, address, transport, page });
    this.select = document.querySelector('#preset');
    this.link = document.querySelector('#why-link');
    this.landscape = new Landscape(document.querySelector('#landscape-panel'), { onChange: (values, keys) => this.changed(values, keys) });
    // A new lesson forgets the landscape's start and way back before the page writes its address (capture: first).
    document.addEventListener('change', (event) => {
      if (event.target === this.select) Object.assign(page, { start: null, from: null });
    }, true);
    this.select.addEventListener('change', () => this.show(lessons.lesson(this.select.value)));
    this.link.addEventListener('click', () => this.aimLink(lessons.lesson(this.select.value)));
  }

  /** Shows the lesson's own view (or the bench) and its "why?" link. */
  show(lesson) {
    document.body.dataset.view = lesson?.view ?? '';
    if (lesson?.view === 'landscape') this.landscape.show(this.controls.values(), this.page);
    else if (this.landscape.shown) this.landscape.hide();
    this.link.hidden = !lesson?.why;
    this.aimLink(lesson);
  }

  /** The "why?" link carries the λ₁ and α on screen, and the lesson to come back to. */
  aimLink(lesson) {
    if (!lesson?.why) return;
    const values = this.controls.values();
    const params = new URLSearchParams({ preset: lesson.why, l1: String(values.l1), learningRate: String(values.learningRate),
      from: lesson.id });
    this.link.href = `?${params}`;
  }

  changed(values, keys) {
    this.controls.set(values);
    Object.assign(this.page, keys);
    const speed = this.transport.speed.value === '' ? null : this.transport.speedValue();
    this.address.write({ ...this.page, compare: null, sweep: null, speed, autostart: false });
  }
}
