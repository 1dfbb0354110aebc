// The WebSocket to the trainer: JSON messages in and out, reconnecting with backoff when the line drops. After a
// reconnect (to this server or, behind a load balancer, another one) it first sends what `reconnected()` returns, so
// the run can be restored (and a class member's seat taken back before it). A socket the server closed as idle (4408) is reopened only when the page next sends.

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 5000;
const IDLE_CLOSE = 4408;

export class Connection {
  /**
   * `onMessage(message)`, `onState(state)` with state 'connecting' | 'open' | 'lost'; `reconnected()` returns the
   * message, or the messages in order, to send first on a new socket after an earlier one (null for none).
   */
  constructor({ onMessage, onState, reconnected = () => null, url = Connection.endpoint() }) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.reconnected = reconnected;
    this.url = url;
    this.attempts = 0;
    this.socket = null;
    this.opened = false;     // a socket was open before: the next one is a reconnect
    this.dormant = false;    // closed as idle: reopen on the next send
    this.waiting = [];       // sent while dormant, for the new socket
  }

  /**
   * ws(s)://…/ws/train relative to `base` (the page's directory), so a reverse proxy's path prefix is kept; `params`
   * go in the query: a class's id, so a proxy that routes by it sends every member to the class's instance.
   */
  static endpoint(params = {}, base = '') {
    const url = new URL(`${base}ws/train`, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '';
    url.hash = '';
    for (const [key, value] of Object.entries(params)) if (value != null) url.searchParams.set(key, value);
    return url.href;
  }

  connect() {
    this.onState(this.attempts === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempts = 0;
      const first = this.opened ? [this.reconnected()].flat() : [];
      this.opened = true;
      this.onState('open');
      for (const message of [...first, ...this.waiting.splice(0)]) {
        if (message) socket.send(JSON.stringify(message));
      }
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      this.onMessage(message);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (event.code === IDLE_CLOSE) {
        this.dormant = true;
        return;
      }
      this.onState('lost');
      const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempts);
      this.attempts += 1;
      setTimeout(() => this.connect(), delay);
    });
  }

  get isOpen() {
    return this.dormant || this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends one message; false when the connection is down (the caller tells the learner). */
  send(message) {
    if (this.dormant) {
      this.dormant = false;
      this.waiting.push(message);
      this.connect();
      return true;
    }
    if (!this.isOpen) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }
}
