// A learner's side of a class experiment, on the playground page opened from a join link (?class=ID): joins (taking
// back this tab's seat after a reconnect), applies the assigned config, keeps the settings the class fixes out of
// reach (the value and the seed; every setting while the teacher locks them), and shows the class card beside the
// run: the learner's value, the class's state, and the class chart with their own point highlighted when the teacher
// reveals it. When the class ends the page is a normal playground again, the run going on.

import { ClassChart } from './class-chart.js';
import { ClassTable } from './class-table.js';
import { plain, short } from './format.js';
import { stickyBanner } from './notices.js';

export class ClassMember {
  /**
   * `id` the class; `nickname` from the link (or null); `send(message)`; `labelOf(param)`; `onAssigned(assignment)`
   * once seated (the page sets its controls to `assignment.config` and previews or starts); `onLocked(assignment)`
   * when the teacher locks the settings (the page puts back the class's values); `onPaused(reason)` when the teacher
   * pauses the class (the reason Start and Restart are held) or resumes it (null).
   */
  constructor(card, { id, nickname, send, labelOf, onAssigned, onLocked, onPaused = () => {} }) {
    Object.assign(this, { card, id, nickname, send, labelOf, onAssigned, onLocked, onPaused });
    this.assignment = null;
    this.locked = false;
    this.ended = false;
    this.joinedEarly = false;    // this socket's join went out on opening (a reconnect): hello sends none
    this.nameNote = null;        // why the link's name was not used, until the learner picks another
    this.you = card.querySelector('#class-you');
    this.state = card.querySelector('#class-state');
    this.question = card.querySelector('#class-question');
    this.overNote = card.querySelector('#class-over');
    this.shown = card.querySelector('#class-shown');
    this.hiddenNote = card.querySelector('#class-hidden-note');
    this.name = card.querySelector('#class-nickname');
    this.metric = card.querySelector('#class-metric');
    this.chart = new ClassChart(card.querySelector('#class-chart'), card.querySelector('#class-points'),
      { labelOf, picker: this.metric });
    this.noSeat = card.dataset.noSeat.split(' ');   // the codes of a join that finds no seat (Command.NO_SEAT)
    this.table = new ClassTable(card.querySelector('#class-table'));
    this.name.addEventListener('change', () => this.rename());
    this.metric.addEventListener('change', () => this.chart.setMetric(this.metric.value));
    document.body.classList.add('in-class');
  }

  /** Whether the page waits for its seat: it trains nothing before the class gives it its value and seed. */
  get waiting() {
    return !this.ended && this.assignment == null;
  }

  /** On a new socket, before the run's restore: the join (null once the class is over for this page). */
  rejoin() {
    this.joinedEarly = !this.ended;
    return this.ended ? null : this.joinMessage();
  }

  /** On hello: joins unless this socket did already; true while the page belongs to the class. */
  hello() {
    if (this.ended) return false;
    if (!this.joinedEarly) this.send(this.joinMessage());
    this.joinedEarly = false;
    return true;
  }

  /** The message that seats this tab: again after a reconnect, with this tab's seat so the learner keeps their point. */
  joinMessage() {
    const message = { type: 'join', class: this.id };
    const nickname = this.assignment?.nickname ?? this.nickname;
    if (nickname) message.nickname = nickname;
    const seat = sessionStorage.getItem(this.seatKey());
    if (seat) message.seat = seat;
    return message;
  }

  seatKey() {
    return `gaplab-class-seat-${this.id}`;
  }

  /** Class messages; everything else is the page's. */
  received(message) {
    if (message.type === 'class-assignment') this.assigned(message);
    else if (message.type === 'class') this.update(message);
    else if (message.type === 'error' && message.field === 'nickname' && !this.assignment) this.joinUnnamed(message);
    else if (message.type === 'error' && message.code === 'seat-moved') this.moved();
    else if (message.type === 'error' && this.noSeat.includes(message.code)) this.refused(message);
  }

  /** Another tab took this seat back (a duplicated tab, the link opened again): that tab is the class's now. */
  moved() {
    this.over('Your seat in the class went to another tab that opened the join link; this page trains on alone.');
  }

  /** Out of the class while it may go on (seat moved, class gone from this server): `note` says why. */
  over(note) {
    this.apply({ ended: true });
    this.sayOver(note);
  }

  /**
   * Says, for as long as the page is open, that this page is no longer in the class: on the card (shown first) and
   * in the page's banner, which a later Start or `started` does not clear. A learner must not "do the experiment"
   * on a playground that no class sees.
   */
  sayOver(note) {
    this.card.hidden = false;
    this.card.classList.add('over');
    this.overNote.hidden = false;
    this.overNote.textContent = note;
    this.question.hidden = true;
    this.state.textContent = '';
    stickyBanner(note, 'error');
  }

  /** The link's name was refused, and with it the join: a seat matters more than a name, so join without one. */
  joinUnnamed(message) {
    this.nickname = null;
    this.nameNote = `The name in your link was not allowed (${message.allowed}); pick another below.`;
    this.send(this.joinMessage());
  }

  assigned(message) {
    const first = this.assignment == null;
    this.assignment = message;
    sessionStorage.setItem(this.seatKey(), message.seat);
    this.card.hidden = false;
    const value = message.axis === 'category' ? message.value : short(message.value);
    const label = this.labelOf(message.param);
    this.you.textContent = `${label}: ${message.param} = ${value} · seed ${message.seed}`;
    this.you.title = `${message.param} = ${message.axis === 'category' ? message.value : plain(message.value)}`;
    this.question.hidden = false;
    this.question.textContent = `Which ${label} gives the lowest validation loss? Your ${message.param} = `
      + `${value}: press Start, then watch where your dot lands on the class chart.`;
    const title = message.lesson ? document.querySelector(`#preset option[value="${CSS.escape(message.lesson)}"]`) : null;
    if (title) document.getElementById('preset').value = message.lesson;   // the lesson's name, not "Free play"
    this.name.value = message.nickname;
    this.chart.setOwn(message.learner);
    this.table.setOwn(message.learner);
    this.apply({ paused: message.paused, locked: message.locked, revealed: message.revealed, ended: false });
    if (first) this.onAssigned(message);
  }

  /** A `class` message: the class's state, and the chart when the teacher shows it. */
  update(message) {
    if (!this.assignment) return;
    this.apply(message);
    if (message.points) {
      this.chart.show(message);
      this.table.show(message);
    }
  }

  apply({ paused, locked, revealed, ended, endReason }) {
    const focused = document.activeElement;
    this.applyState({ paused, locked, revealed, ended, endReason });
    // A control the class just disabled drops the focus to the page's body: it goes to the class's status line
    // instead, which says why ("Your teacher has locked the settings").
    if (focused && focused !== document.body && focused.disabled) {
      this.state.tabIndex = -1;
      this.state.focus();
    }
  }

  applyState({ paused, locked, revealed, ended, endReason }) {
    const lockedNow = locked === true && !ended;
    if (lockedNow && !this.locked) this.onLocked(this.assignment);
    this.locked = lockedNow;
    this.shown.hidden = !revealed;
    this.hiddenNote.hidden = !!revealed;
    if (ended) {
      this.ended = true;
      document.body.classList.remove('in-class');
      sessionStorage.removeItem(this.seatKey());
    }
    this.fix();
    const pausedNow = !!paused && !ended;
    this.onPaused(pausedNow ? 'Your teacher has paused the class: Start and Restart wait until they resume it.' : null);
    this.card.dataset.paused = String(pausedNow);
    if (ended) {
      this.sayOver(`Your class has ended (${endReason ?? 'ended'}): ask your teacher for a new link. This page is the `
        + 'playground now: your run goes on here alone, no class sees it, and every setting is yours again.');
      return;
    }
    const notes = this.nameNote ? [this.nameNote] : [];
    if (pausedNow) notes.push('Your teacher has paused the class.');
    if (lockedNow) notes.push('Your teacher has locked the settings; the pace is still yours.');
    else notes.push('The value and the seed are the class’s; the other settings are yours.');
    this.state.textContent = notes.join(' ');
  }

  /** Disables the controls the class fixes now (and "New data", which would change the seed). */
  fix() {
    const fixed = this.ended || !this.assignment ? [] : this.assignment.fixed;
    for (const setting of document.querySelectorAll('#controls .setting[data-setting]')) {
      const byClass = !this.ended && !!this.assignment && (this.locked || fixed.includes(setting.dataset.setting));
      setting.classList.toggle('fixed-by-class', byClass);
      for (const input of setting.querySelectorAll('input, select, button')) {
        input.disabled = byClass;
        if (byClass) input.title = 'Set by your class experiment';
        else if (input.title === 'Set by your class experiment') input.removeAttribute('title');
      }
    }
    const regenerate = document.getElementById('regenerate');
    if (regenerate) regenerate.disabled = !this.ended && !!this.assignment;
  }

  rename() {
    const nickname = this.name.value.trim();
    if (!nickname || !this.assignment || this.ended) return;
    this.nameNote = null;
    this.assignment.nickname = nickname;
    this.send({ type: 'nickname', nickname });
  }

  /**
   * The class could not be joined (unknown, ended or full: the page's banner says which). After a reconnect to an
   * instance that does not hold it (its own is gone), the class is over for this page.
   */
  refused(message) {
    if (!this.assignment) this.leave(message);
    else if (this.card.dataset.classGone.split(' ').includes(message.code)) {
      this.over(`Your class was lost with the server that held it (${message.message}). This page is the playground `
        + 'now: your run goes on here alone, and no class sees it.');
    } else {
      this.over(`The class is over for this page: ${message.message}. Your run goes on, and every setting is yours again.`);
    }
  }

  /** Never seated (the link's class is unknown, ended or full): a normal page again, that says it is not the class. */
  leave(message) {
    this.ended = true;
    document.body.classList.remove('in-class');
    this.fix();
    this.shown.hidden = true;
    this.hiddenNote.hidden = true;
    this.sayOver(`This link joins no class: ${message.message}. This page is the playground, not your class's `
      + 'experiment: what you train here no class sees.');
    this.onAssigned(null);
  }
}
