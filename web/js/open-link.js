// What a link opens: its lesson, its values, the page's options (embed, hide, show, projector, speed) and its tab,
// with every problem of the link said at once. The page controller calls it once, before the socket opens.

import { Address } from './address.js';
import { lessonValues } from './lessons.js';
import { banner } from './notices.js';
import { LessonViews } from './lesson-views.js';

/** Parts an embed shows only when its show= names them. */
const EMBED_ASKED = ['lesson', 'modes'];

/** Applies the address bar to the widgets; returns the page options and whether the run starts by itself. */
export function openLink({ address, lessons, controls, lessonSettings, transport, projector, details, compareSetup, sweepSetup, modes }) {
  const parsed = address.read();
  const page = parsed.page;
  const lesson = page.preset ? lessons.choose(page.preset) : null;
  if (lesson) controls.set(lessonValues(lesson, controls.defaults(), controls.nested()));
  controls.set(parsed.values);
  if (lesson) lessonSettings.show(lesson.focus, lesson.title);
  // A speed the server would refuse is refused here, like any setting: the field, the value and the range.
  const speedProblem = page.speed == null ? null : transport.speedProblem(new URLSearchParams(window.location.search).get('speed'));
  if (speedProblem) transport.showSpeedError(speedProblem.message);
  else if (page.speed != null) transport.setSpeed(page.speed);
  if (page.embed) document.body.classList.replace('full', 'embed');
  const unknown = [...parsed.unknown];
  if (page.preset && !lesson) unknown.push(`preset=${page.preset}`);
  if (page.hide?.length) unknown.push(...address.hide(page.hide).map((name) => `hide=${name}`));
  // An embed teaches its one lesson: the lesson menu and the mode tabs only when show= asks for them.
  if (document.body.classList.contains('embed')) address.hide(EMBED_ASKED.filter((part) => !(page.show ?? []).includes(part)));
  // An embed without show= shows the cards its lesson file names (none: the whole bench).
  const show = page.show?.length ? page.show : (document.body.classList.contains('embed') && lesson?.cards.length ? lesson.cards : []);
  if (show.length) {
    const shown = address.show(show);
    unknown.push(...shown.unknown.map((name) => `show=${name}`));
    for (const id of shown.details) Object.values(details).forEach((tabs) => tabs.choose(id));
  }
  projector.set(page.projector === true);
  // A comparison or sweep lesson opens as one; an explicit compare= or sweep= wins.
  if (page.compare == null && page.sweep == null) Object.assign(page, { compare: lesson?.compare, sweep: lesson?.sweep });
  if (page.compare) unknown.push(...compareSetup.setFromUrl(page.compare).map((k) => `compare=${k}`));
  if (page.sweep && !sweepSetup.setFromUrl(page.sweep)) unknown.push(`sweep=${page.sweep}`);
  // Every problem of the link at once: keys nobody knows, and every value the controls would refuse.
  const refused = [...controls.showProblems(parsed.values), ...(speedProblem ? [speedProblem] : [])];
  const problems = Address.problems(unknown, refused);
  if (problems) banner(problems, refused.length ? 'error' : 'info');
  modes.choose(page.compare ? 'compare' : page.sweep ? 'sweep' : 'run');
  new LessonViews({ lessons, controls, address, transport, page }).show(lesson);
  address.updateOpenFull();
  // A link with refused values does not start: its problems stay on screen until the learner fixes them.
  return { page, autostart: page.autostart === true && !refused.length };
}
