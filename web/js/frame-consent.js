// A page any site may frame (--frame-ancestors admits everyone) connects only after a click inside the frame: a
// hidden 1×1 iframe on someone else's page must not train, preview or join a class with its visitors' browsers.
// Operators who list their course sites get pages that start by themselves (the server renders the choice).

/** Runs `go` now, or after a click on `button` when this page is framed and the server asks for a click. */
export function afterConsent(button, go) {
  const framed = window.self !== window.top;
  if (!button || !framed || document.body.dataset.clickToStart !== 'framed') {
    go();
    return;
  }
  button.hidden = false;
  button.addEventListener('click', () => {
    button.hidden = true;
    go();
  }, { once: true });
}
