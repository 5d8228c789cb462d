// The WebSocket: one per tab, authenticated by the session cookie (same origin). Requests carry ids and
// are matched to their answers; pushes are passed on. Lost connections are retried with exponential
// backoff and jitter (protocol 5.6); the state is published so the page can show it.
import { ApiError } from './api.js';

const REQUEST_TIMEOUT_MS = 15000;
const MAX_BACKOFF_MS = 30000;
const BASE_BACKOFF_MS = 250;

export class Connection extends EventTarget {
  constructor() {
    super();
    this.ws = null;
    this.state = 'offline'; // connecting | online | offline | replaced | stopped
    this.attempt = 0;
    this.nextId = 1;
    this.pending = new Map();
    this.stopped = true;
    this.minDelay = 0;
    this.retryAt = 0;
    this.onOnline = () => this.reconnectNow();
  }

  start() {
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    this.open();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close(1000);
    this.failPending('offline');
    this.setState('stopped');
  }

  /** Skips the remaining backoff wait (the user asked, or the browser is back online). */
  reconnectNow() {
    if (this.stopped || this.state === 'online' || this.state === 'connecting') return;
    this.attempt = 0;
    this.open();
  }

  open() {
    clearTimeout(this.retryTimer);
    this.setState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(`${scheme}${location.host}/api/v1/ws`);
    this.ws = ws;
    let greeted = false;
    ws.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      this.lastHeard = Date.now();
      if (frame.type === 'hello') {
        greeted = true;
        this.attempt = 0;
        this.hello = frame;
        this.startPings(frame.heartbeatSeconds);
        this.setState('online');
        this.emit('hello', frame);
      } else if (frame.id && this.pending.has(frame.id)) {
        this.answer(frame);
      } else {
        if (frame.type === 'goaway') this.minDelay = frame.reconnectAfterMillis || 1000;
        this.emit('push', frame);
      }
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.closed(event.code, greeted);
    };
  }

  closed(code, greeted) {
    this.ws = null;
    clearInterval(this.pingTimer);
    this.failPending('closed');
    if (this.stopped) return;
    if (code === 4003) {
      this.stopped = true;
      this.setState('replaced');
      return;
    }
    // 4001: the session ended; a failed upgrade looks like 1006. Either way the page asks /me.
    if (code === 4001 || !greeted) this.emit('doubt', { code });
    this.scheduleRetry();
  }

  scheduleRetry() {
    const n = this.attempt++;
    const cap = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (n + 1));
    const delay = Math.max(cap / 2 + Math.random() * (cap / 2), this.minDelay);
    this.minDelay = 0;
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => this.open(), delay);
    this.setState('offline');
  }

  /** Sends a frame and resolves with its answer (rejects with an ApiError for an error frame). */
  request(frame, timeout = REQUEST_TIMEOUT_MS) {
    if (!this.ws || this.state !== 'online') return Promise.reject(new ApiError(0, 'offline'));
    const id = `r${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ApiError(0, 'timeout'));
      }, timeout);
      this.pending.set(id, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ ...frame, id }));
    });
  }

  answer(frame) {
    const waiting = this.pending.get(frame.id);
    this.pending.delete(frame.id);
    clearTimeout(waiting.timer);
    if (frame.type === 'error') waiting.reject(new ApiError(0, frame.code, frame.message));
    else waiting.resolve(frame);
  }

  failPending(code) {
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(new ApiError(0, code));
    }
    this.pending.clear();
  }

  /** Browsers hide WebSocket pings, so the page pings itself and gives up on a silent socket. */
  startPings(heartbeatSeconds) {
    clearInterval(this.pingTimer);
    const every = Math.max(5, heartbeatSeconds || 25) * 1000;
    this.pingTimer = setInterval(() => {
      const ws = this.ws;
      if (!ws) return;
      if (Date.now() - this.lastHeard > 2 * every + 5000) {
        this.ws = null;
        ws.close(3000);
        this.closed(1006, true);
        return;
      }
      this.request({ type: 'ping' }).catch(() => {});
    }, every);
  }

  setState(state) {
    this.state = state;
    this.emit('state', state);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
