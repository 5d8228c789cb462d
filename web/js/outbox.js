// Messages not yet acknowledged. Each gets its client message id once; it is kept in IndexedDB and sent
// again with the same id after a reconnect or reload, so the server stores it at most once (protocol
// 5.3). Sends are made one after another in the order written. A refusal that retrying cannot fix marks
// the message failed; the user may retry it (same id) or discard it.

const RETRYABLE = new Set(['offline', 'closed', 'timeout', 'unavailable', 'internal', 'rate_limited', 'network']);
const RATE_LIMIT_PAUSE_MS = 2000;

export class Outbox {
  constructor(store, cache, connection, tabs) {
    this.store = store;
    this.cache = cache;
    this.connection = connection;
    this.tabs = tabs;
    this.items = [];
    this.onAck = () => {};
  }

  async load() {
    this.items = await this.cache.outbox();
    this.store.changed('outbox');
  }

  async add({ conversationId, to, body }) {
    const item = { clientMessageId: crypto.randomUUID(), conversationId, to, body, createdAt: Date.now(), status: 'sending' };
    this.items.push(item);
    await this.cache.putOutbox(item);
    this.tabs.post({ type: 'outbox', item });
    this.store.changed('outbox', conversationId);
    this.flush();
    return item;
  }

  /** Another tab of this browser queued a message: show it here too. */
  adopt(item) {
    if (!this.items.some((i) => i.clientMessageId === item.clientMessageId)) {
      this.items.push(item);
      this.store.changed('outbox', item.conversationId);
    }
  }

  async flush() {
    if (this.flushing) {
      this.again = true;
      return;
    }
    this.flushing = true;
    try {
      for (const item of [...this.items]) {
        if (item.status !== 'sending' || !this.items.includes(item)) continue;
        if (this.connection.state !== 'online') break;
        if (!(await this.sendOne(item))) break;
      }
    } finally {
      this.flushing = false;
      if (this.again) {
        this.again = false;
        this.flush();
      }
    }
  }

  /** Sends one message; false when sending should pause (offline, or slowed down). */
  async sendOne(item) {
    try {
      const answer = await this.connection.request({ type: 'send', clientMessageId: item.clientMessageId,
        conversationId: item.conversationId, to: item.conversationId ? undefined : item.to, body: item.body });
      const ack = answer.ack;
      this.forget(item.clientMessageId);
      this.onAck({ id: ack.messageId, conversationId: ack.conversationId, seq: ack.seq, senderId: this.store.me.id,
        clientMessageId: ack.clientMessageId, contentType: 'text/plain', body: item.body, sentAt: ack.sentAt });
      return true;
    } catch (e) {
      if (RETRYABLE.has(e.code)) {
        if (e.code === 'rate_limited') setTimeout(() => this.flush(), RATE_LIMIT_PAUSE_MS);
        return false;
      }
      item.status = 'failed';
      item.error = e.code;
      await this.cache.putOutbox(item);
      this.store.changed('outbox', item.conversationId);
      return true;
    }
  }

  retry(clientMessageId) {
    const item = this.items.find((i) => i.clientMessageId === clientMessageId);
    if (!item) return;
    item.status = 'sending';
    delete item.error;
    this.cache.putOutbox(item);
    this.store.changed('outbox', item.conversationId);
    this.flush();
  }

  discard(clientMessageId) {
    this.forget(clientMessageId);
  }

  /** The message is stored (seen in a push or a page): it is no longer pending. */
  settled(clientMessageId) {
    if (this.items.some((i) => i.clientMessageId === clientMessageId)) this.forget(clientMessageId);
  }

  forget(clientMessageId, fromOtherTab = false) {
    const item = this.items.find((i) => i.clientMessageId === clientMessageId);
    this.items = this.items.filter((i) => i.clientMessageId !== clientMessageId);
    if (!fromOtherTab) {
      this.cache.deleteOutbox(clientMessageId).catch(() => {});
      this.tabs.post({ type: 'outbox-done', clientMessageId });
    }
    this.store.changed('outbox', item?.conversationId);
  }

  pendingFor(conversationId, to) {
    return this.items.filter((i) => (conversationId ? i.conversationId === conversationId : i.to === to && !i.conversationId));
  }
}
