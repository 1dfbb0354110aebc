// The copy-link button: the URL already holds every setting, so sharing is copying it. The copied link starts
// training on open only when the learner asks for it (the page's own autostart= is not passed on).

export class ShareLink {
  constructor(button, status, autostart) {
    this.status = status;
    this.autostart = autostart;
    button.addEventListener('click', () => this.copy());
  }

  /** This page's URL, with autostart=1 only if asked for. */
  link() {
    const url = new URL(window.location.href);
    url.searchParams.delete('autostart');
    if (this.autostart?.checked) url.searchParams.set('autostart', '1');
    return url.href.replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  }

  async copy() {
    const url = this.link();
    try {
      await navigator.clipboard.writeText(url);
      this.say('Link copied');
    } catch {
      // No clipboard permission (an iframe, an old browser): select the text for the learner to copy.
      const box = document.createElement('input');
      box.value = url;
      box.setAttribute('aria-label', 'Link to these settings');
      box.className = 'copy-box';
      this.status.replaceChildren(box);
      box.select();
      const copied = document.execCommand?.('copy');
      if (copied) this.say('Link copied');
    }
  }

  say(text) {
    this.status.textContent = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.status.textContent = '';
    }, 2500);
  }
}
