// Tabs of the same browser tell each other what the server would not: a message queued in one tab, a
// queued message settled, a sign-out, a language switch. Everything else reaches every tab from the
// server (each tab has its own WebSocket, and pushes go to every connection).

export class Tabs {
  constructor() {
    this.channel = 'BroadcastChannel' in window ? new BroadcastChannel('confab') : null;
    this.handlers = new Map();
    if (this.channel) this.channel.onmessage = (e) => this.handlers.get(e.data?.type)?.(e.data);
  }

  on(type, handler) {
    this.handlers.set(type, handler);
  }

  post(message) {
    if (this.channel) this.channel.postMessage(message);
  }
}
