// The IndexedDB cache of one account: conversations, the loaded windows of their messages, people,
// contacts, and the outbox of messages not yet acknowledged. Recent conversations open from it at once,
// and history stays readable offline. Each account has its own database; sign-out deletes it.

const VERSION = 1;

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function databaseName(userId) {
  return `confab-user-${userId}`;
}

export async function openCache(userId) {
  const request = indexedDB.open(databaseName(userId), VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('kv');
    db.createObjectStore('messages', { keyPath: ['conversationId', 'seq'] });
    db.createObjectStore('outbox', { keyPath: 'clientMessageId' });
  };
  return new Cache(await promised(request), userId);
}

export async function deleteCache(userId) {
  await promised(indexedDB.deleteDatabase(databaseName(userId))).catch(() => {});
}

class Cache {
  constructor(db, userId) {
    this.db = db;
    this.userId = userId;
  }

  async get(key) {
    return promised(this.db.transaction('kv').objectStore('kv').get(key));
  }

  async set(key, value) {
    const tx = this.db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put(value, key);
    return done(tx);
  }

  async putMessages(messages) {
    if (!messages.length) return;
    const tx = this.db.transaction('messages', 'readwrite');
    const store = tx.objectStore('messages');
    for (const m of messages) store.put(m);
    return done(tx);
  }

  /** The messages of a conversation with lo <= seq <= hi, ascending. */
  async messages(conversationId, lo, hi) {
    const range = IDBKeyRange.bound([conversationId, lo], [conversationId, hi]);
    return promised(this.db.transaction('messages').objectStore('messages').getAll(range));
  }

  async outbox() {
    const items = await promised(this.db.transaction('outbox').objectStore('outbox').getAll());
    return items.sort((a, b) => a.createdAt - b.createdAt);
  }

  async putOutbox(item) {
    const tx = this.db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').put(item);
    return done(tx);
  }

  async deleteOutbox(clientMessageId) {
    const tx = this.db.transaction('outbox', 'readwrite');
    tx.objectStore('outbox').delete(clientMessageId);
    return done(tx);
  }

  close() {
    this.db.close();
  }
}
