// What a page tells its reader outside the charts: the one-line banner under the title (what it could not do, or
// what it is doing about it) and the state of its connection to the trainer. Text only, never markup.

const $ = (selector) => document.querySelector(selector);

export function banner(text, kind = 'info') {
  const element = $('#banner');
  element.hidden = !text;
  element.textContent = text ?? '';
  element.dataset.kind = kind;
}

/** `state` is the socket's: connecting, open, lost or reconnecting. */
export function showConnection(state) {
  const element = $('#connection');
  element.dataset.state = state;
  element.textContent = {
    connecting: 'connecting…', open: 'connected', lost: 'connection lost: reconnecting…', reconnecting: 'reconnecting…',
  }[state] ?? state;
}
