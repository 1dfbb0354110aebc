// The WebSocket to the trainer: JSON messages in and out, reconnecting with backoff when the line drops.

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 5000;

export class Connection {
  /** `onMessage(message)`, `onState(state)` with state 'connecting' | 'open' | 'lost'. */
  constructor({ onMessage, onState }) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.url = Connection.endpoint();
    this.attempts = 0;
    this.socket = null;
  }

  /** ws(s)://…/ws/train relative to the page, so a reverse proxy's path prefix is kept. */
  static endpoint() {
    const url = new URL('ws/train', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '';
    url.hash = '';
    return url.href;
  }

  connect() {
    this.onState(this.attempts === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempts = 0;
      this.onState('open');
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
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onState('lost');
      const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempts);
      this.attempts += 1;
      setTimeout(() => this.connect(), delay);
    });
  }

  get isOpen() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends one message; false when the connection is down (the caller tells the learner). */
  send(message) {
    if (!this.isOpen) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }
}
