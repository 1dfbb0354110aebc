// The lesson picker: each preset is a full config (rendered by the server from the lesson classes) plus two lines
// of what to watch.

export class LessonPicker {
  constructor(select, watch, { onPick }) {
    this.select = select;
    this.watch = watch;
    this.lines = [watch.querySelector('#watch-1'), watch.querySelector('#watch-2')];
    // A lesson loads when it is picked, not while the keyboard browses the menu: an arrow key on a closed menu changes
    // its value (and fires change) at once, and loading would overwrite the learner's settings on every step. A value
    // reached by keys loads on Enter, or when the menu loses focus; a click loads at once.
    const load = () => {
      this.browsing = false;
      const lesson = this.lesson(select.value);
      this.showWatch(lesson);
      onPick(lesson);
    };
    let keyed = false;
    select.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && this.browsing) load();
      else keyed = event.key !== 'Tab' && event.key !== 'Enter';
    });
    select.addEventListener('change', () => {
      if (keyed) this.browsing = true;
      else load();
    });
    select.addEventListener('pointerdown', () => { keyed = false; });
    select.addEventListener('blur', () => {
      keyed = false;
      if (this.browsing) load();
    });
  }

  /**
   * {id, title, config, watch, compare, sweep, focus, view, why, cards, evidence, lang, dir} of the preset with this id, or null; compare and sweep
   * in URL form; view names a view of its own (landscape), why the lesson that shows why its claim holds, evidence what the bench's
   * evidence chart draws (null: the page decides).
   */
  lesson(id) {
    const option = id ? [...this.select.options].find((o) => o.value === id) : null;
    if (!option) return null;
    return {
      id,
      title: option.textContent,
      config: JSON.parse(option.dataset.config),
      watch: [option.getAttribute('data-watch-1'), option.getAttribute('data-watch-2')],
      compare: option.dataset.compare ?? null,
      sweep: option.dataset.sweep ?? null,
      focus: option.dataset.focus ? option.dataset.focus.split(',') : [],
      view: option.dataset.view ?? null,
      why: option.dataset.why ?? null,
      cards: option.dataset.cards ? option.dataset.cards.split(',') : [],
      evidence: option.dataset.evidence ?? null,
      lang: option.lang || 'en',
      dir: option.dir || 'ltr',
    };
  }

  choose(id) {
    const lesson = this.lesson(id);
    this.select.value = lesson ? id : '';
    this.showWatch(lesson);
    return lesson;
  }

  showWatch(lesson) {
    this.watch.hidden = !lesson;
    if (!lesson) return;
    for (const [i, line] of this.lines.entries()) {
      line.textContent = lesson.watch[i];
      line.lang = lesson.lang;   // a lesson file's text is in its own language and direction; our labels stay English
      line.dir = lesson.dir;
    }
  }
}

/**
 * A lesson's config over the defaults: a preset sets every control, not just the ones it mentions. `nested` is the
 * config's nesting (see state.js): a switched object (early stopping) the lesson leaves out is off, at its defaults.
 */
export function lessonValues(lesson, defaults, nested = {}) {
  const flat = {};
  const config = lesson.config;
  for (const key of Object.keys(defaults)) {
    const dot = key.indexOf('.');
    if (dot < 0) {
      if (key in config) flat[key] = config[key];
    } else {
      const outer = config[key.slice(0, dot)];
      const inner = key.slice(dot + 1);
      const flag = nested[key.slice(0, dot)];
      if (flag != null) {
        if (inner === flag) flat[key] = outer != null;
        else flat[key] = outer != null && inner in outer ? outer[inner] : defaults[key];
      } else if (outer && inner in outer) {
        flat[key] = outer[inner];
      }
    }
  }
  return { ...defaults, ...flat };
}
