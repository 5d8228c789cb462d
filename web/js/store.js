// What the page knows: conversations, the loaded window of each one's messages, receipts, typing,
// presence, people and contacts. Messages are kept by (conversation, seq), so a message that arrives
// twice (push and sync, or two tabs) is held once. Each conversation's window is contiguous from lo to
// hi; a message beyond hi + 1 is held until the gap before it is synced (protocol 5.4).
//
// Unread counts come from the server's conversation list. After that they are kept exact here or not
// guessed at: a message right after the last one counts one more; anything else (a seq skipped, a
// read position moved on another device) is counted from the loaded messages when they cover
// everything after the read position, and otherwise a 'stale' event asks for the server's list again.

export const SYSTEM_TYPE = 'application/vnd.confab.system+json';
export const WITHHELD_TYPE = 'application/vnd.confab.withheld';
const SAVE_DELAY_MS = 400;

export class Store extends EventTarget {
  constructor(account, cache) {
    super();
    this.me = account;
    this.cache = cache;
    this.conversations = new Map();
    this.messages = new Map();
    this.windows = new Map();
    this.receipts = new Map();
    this.typing = new Map();
    this.presence = new Map();
    this.users = new Map([[account.id, account]]);
    this.details = new Map();
    this.friends = [];
    this.incoming = [];
    this.outgoing = [];
    this.blocked = [];
    this.drafts = new Map();
    this.lastEventSeq = 0;
    this.pendingWrites = [];
  }

  /** Fills the store from the cache: the page shows the last known state before the server answers. */
  async restore() {
    const saved = await this.cache.get('state');
    if (!saved) return;
    for (const c of saved.conversations || []) this.conversations.set(c.id, c);
    for (const u of saved.users || []) this.users.set(u.id, u);
    this.friends = saved.friends || [];
    this.incoming = saved.incoming || [];
    this.outgoing = saved.outgoing || [];
    this.blocked = saved.blocked || [];
    this.lastEventSeq = saved.lastEventSeq || 0;
    for (const [id, w] of Object.entries(saved.windows || {})) {
      const list = await this.cache.messages(Number(id), w.lo, w.hi);
      const map = this.map(Number(id));
      for (const m of list) map.set(m.seq, m);
      const lo = list.length ? Math.max(w.lo, list[0].seq) : w.hi + 1;
      this.windows.set(Number(id), { ...w, lo, hasOlder: w.hasOlder || lo > w.firstSeq });
    }
    this.changed('all');
  }

  changed(topic, id) {
    this.dispatchEvent(new CustomEvent('change', { detail: { topic, id } }));
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  async save() {
    const writes = this.pendingWrites;
    this.pendingWrites = [];
    const windows = Object.fromEntries([...this.windows].filter(([, w]) => w.hi >= w.lo));
    try {
      await this.cache.putMessages(writes);
      await this.cache.set('state', {
        conversations: [...this.conversations.values()], users: [...this.users.values()],
        friends: this.friends, incoming: this.incoming, outgoing: this.outgoing, blocked: this.blocked,
        lastEventSeq: this.lastEventSeq, windows,
      });
    } catch (e) {
      console.warn('cache write failed', e);
    }
  }

  map(conversationId) {
    let map = this.messages.get(conversationId);
    if (!map) this.messages.set(conversationId, (map = new Map()));
    return map;
  }

  sortedConversations() {
    return [...this.conversations.values()].sort((a, b) =>
      (b.updatedAt || '').localeCompare(a.updatedAt || '') || b.id - a.id);
  }

  /** The server's list. complete: every page was read, so what is missing is no longer ours. */
  setConversationList(list, complete) {
    const seen = new Set();
    for (const c of list) {
      seen.add(c.id);
      const old = this.conversations.get(c.id);
      if (c.peer) this.users.set(c.peer.id, { ...this.users.get(c.peer.id), ...c.peer });
      this.conversations.set(c.id, old && old.lastSeq > c.lastSeq ? { ...c, ...pick(old) } : c);
    }
    if (complete) {
      for (const id of [...this.conversations.keys()]) {
        if (!seen.has(id)) this.conversations.delete(id);
      }
    }
    this.changed('conversations');
  }

  /** A message from a push, an ack or a page. Returns what the caller must do next. */
  applyMessage(m) {
    const conv = this.conversations.get(m.conversationId);
    const result = { unknown: !conv, gap: false, advanced: false };
    const win = this.windows.get(m.conversationId);
    if (win && m.seq >= win.lo && !this.map(m.conversationId).has(m.seq)) {
      this.map(m.conversationId).set(m.seq, m);
      this.pendingWrites.push(m);
      const before = win.hi;
      this.advance(m.conversationId, win);
      result.advanced = win.hi > before;
      result.gap = win.hi < m.seq;
    }
    if (conv && !this.touchConversation(conv, m)) this.recountOrAsk(m.conversationId);
    this.clearTyping(m.conversationId, m.senderId);
    this.changed('messages', m.conversationId);
    return result;
  }

  /** The conversation's newest message may be m. False when the unread count is no longer known. */
  touchConversation(conv, m) {
    const mine = m.senderId === this.me.id;
    let exact = true;
    if (m.seq > conv.lastSeq) {
      // Messages between the last one known and m were not seen here: they may be unread.
      exact = m.seq === conv.lastSeq + 1;
      const countable = !mine && m.contentType !== WITHHELD_TYPE && m.seq > conv.readSeq;
      if (countable) conv.unread = (conv.unread || 0) + 1;
      conv.lastSeq = m.seq;
      conv.lastMessage = m;
      conv.updatedAt = m.sentAt;
    }
    if (mine && m.contentType !== SYSTEM_TYPE && m.seq > conv.readSeq) {
      // Sending moves my read position to my message (protocol 5.7): nothing before it is unread.
      conv.readSeq = m.seq;
      conv.unread = 0;
      exact = true;
    }
    return exact;
  }

  /**
   * Counts a conversation's unread messages from the loaded window, when it holds every message after
   * the read position; otherwise asks (event 'stale') for the server's conversation list.
   */
  recountOrAsk(id) {
    const conv = this.conversations.get(id);
    if (!conv) return;
    const win = this.windows.get(id);
    if (conv.readSeq >= conv.lastSeq) {
      conv.unread = 0;
    } else if (win && win.lo <= conv.readSeq + 1 && win.hi >= conv.lastSeq) {
      conv.unread = this.windowMessages(id).filter((m) => m.seq > conv.readSeq && m.senderId !== this.me.id
        && m.contentType !== WITHHELD_TYPE).length;
    } else {
      this.dispatchEvent(new CustomEvent('stale', { detail: id }));
    }
  }

  /** A page of messages: 'newest' opens a window, 'older' extends it down, 'forward' up. */
  applyPage(page, kind) {
    const id = page.conversationId;
    const map = this.map(id);
    const list = page.messages;
    for (const m of list) {
      if (!map.has(m.seq)) this.pendingWrites.push(m);
      map.set(m.seq, m);
    }
    let win = this.windows.get(id);
    if (kind === 'newest' || !win) {
      const lo = list.length ? list[0].seq : page.firstSeq;
      const hi = list.length ? list[list.length - 1].seq : page.firstSeq - 1;
      win = { lo, hi: Math.max(hi, win ? win.hi : 0), firstSeq: page.firstSeq, hasOlder: page.hasMore };
      this.windows.set(id, win);
    } else if (kind === 'older') {
      if (list.length) win.lo = Math.min(win.lo, list[0].seq);
      win.hasOlder = page.hasMore;
    }
    win.firstSeq = page.firstSeq;
    win.hi = Math.max(win.hi, page.firstSeq - 1);
    win.lo = Math.max(Math.min(win.lo, win.hi + 1), page.firstSeq);
    if (win.lo <= page.firstSeq) win.hasOlder = false;
    this.advance(id, win);
    const conv = this.conversations.get(id);
    const newest = map.get(win.hi);
    if (conv && newest && !this.touchConversation(conv, newest)) this.recountOrAsk(id);
    this.changed('messages', id);
    return win;
  }

  advance(id, win) {
    const map = this.map(id);
    while (map.has(win.hi + 1)) win.hi++;
  }

  /** The contiguous loaded messages of a conversation, ascending. */
  windowMessages(id) {
    const win = this.windows.get(id);
    if (!win) return [];
    const map = this.map(id);
    const out = [];
    for (let s = win.lo; s <= win.hi; s++) if (map.has(s)) out.push(map.get(s));
    return out;
  }

  /** The caller's read position moved (here or on another device): recount unread. */
  setRead(id, seq) {
    const conv = this.conversations.get(id);
    if (!conv || seq < conv.readSeq) return;
    conv.readSeq = seq;
    this.recountOrAsk(id);
    this.changed('conversations');
  }

  applyReceipt(r) {
    if (r.userId === this.me.id) this.setRead(r.conversationId, r.readSeq);
    let map = this.receipts.get(r.conversationId);
    if (!map) this.receipts.set(r.conversationId, (map = new Map()));
    map.set(r.userId, r);
    this.changed('receipts', r.conversationId);
  }

  setReceipts(id, list) {
    this.receipts.set(id, new Map(list.map((r) => [r.userId, r])));
    this.changed('receipts', id);
  }

  /** 'sending' | 'sent' | 'delivered' | 'read' for one of my messages, from the others' receipts. */
  statusOf(m) {
    const others = [...(this.receipts.get(m.conversationId)?.values() || [])].filter((r) => r.userId !== this.me.id);
    const readers = others.filter((r) => r.readSeq >= m.seq).length;
    if (readers > 0) return { status: 'read', readers };
    if (others.some((r) => Math.max(r.deliveredSeq, r.readSeq) >= m.seq)) return { status: 'delivered', readers: 0 };
    return { status: 'sent', readers: 0 };
  }

  setTyping(id, userId, millis) {
    let map = this.typing.get(id);
    if (!map) this.typing.set(id, (map = new Map()));
    map.set(userId, Date.now() + millis);
    setTimeout(() => this.changed('typing', id), millis + 50);
    this.changed('typing', id);
  }

  clearTyping(id, userId) {
    const map = this.typing.get(id);
    if (map && map.delete(userId)) this.changed('typing', id);
  }

  typingUsers(id) {
    const map = this.typing.get(id);
    if (!map) return [];
    const now = Date.now();
    return [...map].filter(([, until]) => until > now).map(([userId]) => userId);
  }

  setPresence(list) {
    for (const p of list) this.presence.set(p.userId, p);
    this.changed('presence');
  }

  setContacts({ friends, incoming, outgoing, blocked }) {
    this.friends = friends;
    this.incoming = incoming;
    this.outgoing = outgoing;
    this.blocked = blocked;
    for (const f of friends) this.users.set(f.user.id, f.user);
    for (const r of [...incoming, ...outgoing]) {
      this.users.set(r.from.id, r.from);
      this.users.set(r.to.id, r.to);
    }
    this.changed('contacts');
  }

  friendOf(userId) {
    return this.friends.find((f) => f.user.id === userId);
  }

  /** How to call someone: my remark for them, their display name, or their username. */
  name(userId) {
    if (userId === this.me.id) return this.me.displayName || this.me.username;
    const remark = this.friendOf(userId)?.remark;
    const user = this.users.get(userId);
    return remark || user?.displayName || user?.username || `#${userId}`;
  }

  title(conv) {
    return conv.kind === 'DIRECT' ? this.name(conv.peer?.id) : conv.title;
  }

  directWith(userId) {
    return [...this.conversations.values()].find((c) => c.kind === 'DIRECT' && c.peer?.id === userId);
  }

  totalUnread() {
    let n = 0;
    for (const c of this.conversations.values()) n += c.unread || 0;
    return n;
  }
}

function pick(old) {
  return { lastSeq: old.lastSeq, lastMessage: old.lastMessage, updatedAt: old.updatedAt, unread: old.unread, readSeq: old.readSeq };
}
