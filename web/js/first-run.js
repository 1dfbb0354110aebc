// First-run guidance in free play: one line pointing at the lessons, until the learner dismisses it. The dismissal is
// remembered in this browser (localStorage); an embed, a class seat or a loaded lesson never shows it.

const KEY = 'gaplab.first-run-dismissed';

function remembered() {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;           // storage refused (a sandboxed frame): show it, it is one line
  }
}

export class FirstRun {
  /** `lessonMenu`: the select the pointer opens; `applies()`: whether this page is free play (no lesson, no class). */
  constructor(root, lessonMenu, { applies }) {
    this.root = root;
    this.applies = applies;
    this.dismissed = remembered();
    root.querySelector('#first-run-lessons').addEventListener('click', () => {
      lessonMenu.focus();
      try {
        lessonMenu.showPicker?.();
      } catch {
        // a browser that will not open it from here: the focused menu opens with the keyboard
      }
    });
    root.querySelector('#first-run-dismiss').addEventListener('click', () => {
      this.dismissed = true;
      try {
        window.localStorage.setItem(KEY, '1');
      } catch {
        // not remembered: it stays gone for this page only
      }
      this.refresh();
      lessonMenu.focus();     // focus does not fall to the body with the removed line
    });
    this.refresh();
  }

  refresh() {
    this.root.hidden = this.dismissed || !this.applies();
  }
}
