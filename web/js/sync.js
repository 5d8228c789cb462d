// Keeps the store in step with the server: on every hello (and resync) it resends the outbox, walks the
// whole conversation list, syncs every loaded conversation forward from the last seq it holds, reloads
// the contact lists when the event log moved, and refreshes presence and the open chat's receipts
// (protocol 5.6). Pushes are applied as they come, with gap detection by seq.
import { api, query } from './api.js';

const PAGE = 200;
const NEWEST_PAGE = 50;
const PRELOAD_CONVERSATIONS = 30;
const PRESENCE_MAX = 200;

export class Sync {
  constructor(store, connection, outbox) {
    this.store = store;
    this.connection = connection;
    this.outbox = outbox;
    this.open = null;
    this.syncing = new Map();
    this.receivedSent = new Map();
    this.lastTyping = 0;
    outbox.onAck = (message) => this.handleMessage(message);
    connection.addEventListener('hello', (e) => this.catchUp(e.detail).catch((err) => console.warn('catch-up', err)));
    connection.addEventListener('push', (e) => this.onPush(e.detail));
    // An unread count the store cannot know from what it holds: the server's list has it.
    store.addEventListener('stale', () => this.refreshSoon());
    document.addEventListener('visibilitychange', () => this.markRead(this.open));
  }

  async catchUp(hello) {
    this.outbox.flush();
    await this.refreshConversations();
    if (hello && hello.lastEventSeq !== this.store.lastEventSeq) {
      await this.refreshContacts();
      this.store.lastEventSeq = hello.lastEventSeq;
    }
    await this.refreshPresence();
    if (this.open) await this.loadReceipts(this.open);
  }

  async refreshConversations() {
    const all = [];
    let before;
    do {
      const page = await this.connection.request({ type: 'conversations', before, limit: PAGE });
      all.push(...page.conversations);
      before = page.hasMore ? page.cursor : undefined;
    } while (before);
    this.store.setConversationList(all, true);
    let preloads = 0;
    for (const c of this.store.sortedConversations()) {
      const win = this.store.windows.get(c.id);
      if (win && c.lastSeq > win.hi) this.syncForward(c.id);
      else if (!win && (preloads++ < PRELOAD_CONVERSATIONS || c.id === this.open)) this.loadNewest(c.id);
    }
    this.ensureUsers(all.flatMap((c) => (c.lastMessage ? [c.lastMessage.senderId] : [])));
  }

  /** Forward sync of one conversation from the last seq held, until the server has nothing more. */
  syncForward(id) {
    if (this.syncing.has(id)) return this.syncing.get(id);
    const run = (async () => {
      for (;;) {
        const win = this.store.windows.get(id);
        const answer = await this.connection.request({ type: 'sync', conversationId: id, afterSeq: win.hi, limit: PAGE });
        this.store.applyPage(answer.page, 'forward');
        this.usersOf(answer.page.messages);
        if (!answer.page.hasMore) break;
      }
      this.delivered(id);
    })().catch((e) => console.warn('sync', id, e.code)).finally(() => this.syncing.delete(id));
    this.syncing.set(id, run);
    return run;
  }

  async loadNewest(id) {
    if (this.store.windows.has(id) || this.syncing.has(id)) return this.syncing.get(id);
    const run = this.connection.request({ type: 'history', conversationId: id, limit: NEWEST_PAGE })
      .then((answer) => {
        this.store.applyPage(answer.page, 'newest');
        this.usersOf(answer.page.messages);
        this.delivered(id);
      })
      .catch((e) => console.warn('history', id, e.code))
      .finally(() => this.syncing.delete(id));
    this.syncing.set(id, run);
    return run;
  }

  /** Older messages for infinite scroll; resolves false when there is nothing older. */
  async loadOlder(id) {
    const win = this.store.windows.get(id);
    if (!win || !win.hasOlder) return false;
    const answer = await this.connection.request({ type: 'history', conversationId: id, beforeSeq: win.lo, limit: NEWEST_PAGE });
    this.store.applyPage(answer.page, 'older');
    this.usersOf(answer.page.messages);
    return true;
  }

  onPush(frame) {
    switch (frame.type) {
      case 'message':
        this.handleMessage(frame.message);
        return this.store.dispatchEvent(new CustomEvent('incoming', { detail: frame.message }));
      case 'receipt': return this.store.applyReceipt(frame.receipt);
      case 'typing': return this.store.setTyping(frame.conversationId, frame.userId, frame.expiresInMillis);
      case 'presence': return this.store.setPresence([frame.presence]);
      case 'event': return this.onEvent(frame.event);
      case 'resync': return this.catchUp(null).catch(() => {});
      default: return undefined;
    }
  }

  handleMessage(m) {
    if (m.senderId === this.store.me.id) this.outbox.settled(m.clientMessageId);
    const result = this.store.applyMessage(m);
    if (result.unknown) this.refreshSoon();
    if (result.gap) this.syncForward(m.conversationId);
    else if (result.advanced) this.delivered(m.conversationId);
    this.usersOf([m]);
  }

  onEvent(event) {
    if (event.seq <= this.store.lastEventSeq) return;
    this.store.lastEventSeq = event.seq;
    if (event.type === 'profile.changed' && event.data.user) {
      const user = event.data.user;
      this.store.users.set(user.id, { ...this.store.users.get(user.id), ...user });
      if (user.id === this.store.me.id) Object.assign(this.store.me, user);
    }
    clearTimeout(this.contactsTimer);
    this.contactsTimer = setTimeout(() => this.refreshContacts().then(() => this.refreshPresence()), 100);
  }

  refreshSoon() {
    clearTimeout(this.listTimer);
    this.listTimer = setTimeout(() => this.refreshConversations().catch(() => {}), 150);
  }

  async refreshContacts() {
    const [friends, incoming, outgoing, blocked] = await Promise.all([
      api('GET', '/friends'), api('GET', '/friend-requests?direction=incoming'),
      api('GET', '/friend-requests?direction=outgoing'), api('GET', '/blocks')]);
    this.store.setContacts({ friends: friends.friends, incoming: incoming.requests,
      outgoing: outgoing.requests, blocked: blocked.blocked });
  }

  async refreshPresence() {
    const ids = new Set(this.store.friends.map((f) => f.user.id));
    for (const c of this.store.conversations.values()) if (c.peer) ids.add(c.peer.id);
    const userIds = [...ids].slice(0, PRESENCE_MAX);
    if (!userIds.length) return;
    const answer = await this.connection.request({ type: 'presence.query', userIds });
    this.store.setPresence(answer.presence);
  }

  async loadReceipts(id) {
    const answer = await api('GET', `/conversations/${id}/receipts`);
    this.store.setReceipts(id, answer.receipts);
  }

  /** The chat on screen: load it, and keep it read while the page is visible. */
  async show(id) {
    this.open = id;
    if (id === null) return;
    const win = this.store.windows.get(id);
    if (!win) await this.loadNewest(id);
    else if ((this.store.conversations.get(id)?.lastSeq || 0) > win.hi) await this.syncForward(id);
    this.markRead(id);
    this.loadReceipts(id).catch(() => {});
  }

  /** Confirms delivery of everything held without a gap (the receipt the senders see as ✓✓). */
  delivered(id) {
    const win = this.store.windows.get(id);
    if (!win || win.hi <= (this.receivedSent.get(id) || 0)) return this.markRead(id);
    this.receivedSent.set(id, win.hi);
    this.connection.request({ type: 'received', conversationId: id, seq: win.hi }).catch(() => this.receivedSent.delete(id));
    return this.markRead(id);
  }

  markRead(id) {
    if (id === null || id !== this.open || document.visibilityState !== 'visible') return;
    const conv = this.store.conversations.get(id);
    const win = this.store.windows.get(id);
    if (!conv || !win || (win.hi <= conv.readSeq && !conv.unread)) return;
    const seq = win.hi;
    this.connection.request({ type: 'read', conversationId: id, seq })
      .then(() => this.store.setRead(id, seq)).catch(() => {});
  }

  /** Tells the others I am typing, at most once per two seconds (the server coalesces anyway). */
  typing(id) {
    const now = Date.now();
    if (now - this.lastTyping < 2000) return;
    this.lastTyping = now;
    this.connection.request({ type: 'typing', conversationId: id }).catch(() => {});
  }

  usersOf(messages) {
    const ids = [];
    for (const m of messages) {
      ids.push(m.senderId);
      if (m.contentType === 'application/vnd.confab.system+json') {
        try {
          ids.push(...(JSON.parse(m.body).targetIds || []));
        } catch { /* an unreadable notice names nobody */ }
      }
    }
    this.ensureUsers(ids);
  }

  /** Looks up the profiles of people known only by id, in batches. */
  ensureUsers(ids) {
    this.wantedUsers = this.wantedUsers || new Set();
    for (const id of ids) if (!this.store.users.has(id)) this.wantedUsers.add(id);
    if (!this.wantedUsers.size || this.usersTimer) return;
    this.usersTimer = setTimeout(async () => {
      const batch = [...this.wantedUsers].slice(0, PRESENCE_MAX);
      this.wantedUsers = new Set([...this.wantedUsers].slice(PRESENCE_MAX));
      this.usersTimer = null;
      try {
        const answer = await api('GET', `/users${query({ ids: batch.join(',') })}`);
        for (const u of answer.users) this.store.users.set(u.id, u);
        this.store.changed('users');
      } catch { /* names stay as ids until the next try */ }
      if (this.wantedUsers.size) this.ensureUsers([]);
    }, 50);
  }
}
