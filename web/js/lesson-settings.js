// The lesson's own settings at the top of the sidebar: the controls the lesson is about (its data-focus keys) move
// into the "This lesson's settings" group, so they stay in view while it trains, and move back when the lesson
// changes. The controls are moved, not copied: one element per setting, with its listeners.

export class LessonSettings {
  constructor(section) {
    this.section = section;
    this.list = section.querySelector('#lesson-settings-list');
    this.title = section.querySelector('h2');
    this.moved = [];        // {element, marker}: a comment node left where the control came from
  }

  /** Moves these settings (config keys) to the top of the sidebar; the groups keep the others, open or closed. */
  show(keys, title) {
    this.restore();
    const root = this.section.parentElement;
    for (const key of keys) {
      const element = root.querySelector(`.setting[data-setting="${CSS.escape(key)}"]`);
      if (!element) continue;
      const marker = document.createComment(`setting ${key}`);
      element.before(marker);
      this.list.append(element);
      this.moved.push({ element, marker });
    }
    this.section.hidden = this.moved.length === 0;
    if (this.moved.length) this.title.textContent = title ? `${title}: its settings` : 'This lesson’s settings';
  }

  /** Puts every moved control back where it was. */
  restore() {
    for (const { element, marker } of this.moved) {
      marker.replaceWith(element);
    }
    this.moved = [];
    this.section.hidden = true;
  }
}
