// What a page tells its reader outside the charts: the one-line banner under the title (what it could not do, or
// what it is doing about it) and the state of its connection to the trainer. Text only, never markup.

const $ = (selector) => document.querySelector(selector);

let sticky = null;   // what the banner says whenever nothing else is to be said (a class that is over for this page)

export function banner(text, kind = 'info') {
  const element = $('#banner');
  const shown = text ? { text, kind } : sticky;
  element.hidden = !shown;
  element.textContent = shown?.text ?? '';
  element.dataset.kind = shown?.kind ?? kind;
  element.dataset.sticky = String(!text && !!sticky);
}

/** A banner that stays: clearing the banner (a Start, a new run) brings it back; null takes it away. */
export function stickyBanner(text, kind = 'error') {
  sticky = text ? { text, kind } : null;
  banner(null);
}

/** `state` is the socket's: connecting, open, lost or reconnecting. */
export function showConnection(state) {
  const element = $('#connection');
  element.dataset.state = state;
  element.textContent = {
    connecting: 'connecting…', open: 'connected', lost: 'connection lost: reconnecting…', reconnecting: 'reconnecting…',
  }[state] ?? state;
}
