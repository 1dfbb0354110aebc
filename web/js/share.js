// The copy-link button: the URL already holds every setting, so sharing is copying it.

export class ShareLink {
  constructor(button, status) {
    this.status = status;
    button.addEventListener('click', () => this.copy());
  }

  async copy() {
    const url = window.location.href;
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
