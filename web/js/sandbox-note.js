// A classic script, not a module, on purpose: a frame sandboxed without allow-same-origin has an opaque origin, the
// browser then fetches module scripts as cross-origin requests and blocks them, and the server refuses its socket
// (Origin: null). This script still runs there, and says inside the frame what the host page must allow (the server
// renders the sentence, with the sandbox tokens, into #sandbox-note).
(function showSandboxNote() {
  if (window.origin !== 'null') return;
  const note = document.getElementById('sandbox-note');
  if (note) note.hidden = false;
  const connection = document.getElementById('connection');
  if (connection) {
    connection.textContent = 'blocked by the frame\u2019s sandbox';
    connection.dataset.state = 'closed';
  }
  document.documentElement.classList.add('sandboxed');
}());
