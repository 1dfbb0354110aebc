// The playground's "Class experiment" link: class/new with the settings on screen (only those that differ from the
// defaults, as the address bar has them), the lesson, and on the Sweep tab the swept setting with its values or grid,
// so a teacher turns what they are looking at into a class. Written when the link is about to be followed.

import { toQuery } from './state.js';

export class ClassLink {
  /** `current()` gives {values, defaults, preset, sweep}: sweep is the sweep form's message while the Sweep tab is on. */
  constructor(anchor, { current }) {
    this.anchor = anchor;
    this.current = current;
    for (const event of ['pointerdown', 'focus', 'mouseenter']) anchor.addEventListener(event, () => this.refresh());
  }

  refresh() {
    const { values, defaults, preset, sweep } = this.current();
    const params = new URLSearchParams(toQuery(values, defaults, { preset }));
    if (sweep?.param) {
      params.set('param', sweep.param);
      if (sweep.values) params.set('values', sweep.values.join(','));
      else if (sweep.grid) params.set('grid', `${sweep.grid.from}:${sweep.grid.to}:${sweep.grid.count}`);
    }
    const query = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
    this.anchor.href = `class/new${query ? `?${query}` : ''}`;
  }
}
