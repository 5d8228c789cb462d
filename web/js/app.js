// The page's life: signed out (login and registration) or signed in (one session: cache, store,
// WebSocket, outbox, sync), the shell with its navigation and connection state, and hash routing.
import { api, whenSignedOut } from './api.js';
import { openCache, deleteCache } from './cache.js';
import { Connection } from './connection.js';
import { fill, focusKey } from './dom.js';
import { detectLanguage, setLanguage, onLanguageChange } from './i18n.js';
import { Outbox } from './outbox.js';
import { Shell } from './shell.js';
import { Store } from './store.js';
import { Sync } from './sync.js';
import { Tabs } from './tabs.js';
import { authView } from './views/auth.js';
import { viewFor } from './views/routes.js';

const ACCOUNT_KEY = 'confab.account';

export class App {
  constructor(root) {
    this.root = root;
    this.tabs = new Tabs();
    this.session = null;
    this.view = null;
  }

  async start() {
    await setLanguage(detectLanguage(), false);
    onLanguageChange(() => {
      // The shell's words are built in: a new language builds a new one.
      this.shell?.stop();
      this.shell = null;
      this.render();
    });
    window.addEventListener('hashchange', () => this.render(null, true));
    whenSignedOut(() => this.signedOut());
    this.tabs.on('signed-out', () => this.signedOut());
    this.tabs.on('signed-in', () => this.session || this.boot());
    this.tabs.on('lang', (m) => setLanguage(m.lang));
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
    await this.boot();
  }

  async boot() {
    try {
      const account = await api('GET', '/me');
      localStorage.setItem(ACCOUNT_KEY, JSON.stringify(account));
      await this.startSession(account);
    } catch (e) {
      const cached = JSON.parse(localStorage.getItem(ACCOUNT_KEY) || 'null');
      if (e.status !== 401 && cached) await this.startSession(cached);
      else this.render(e.status === 401 ? null : e);
    }
  }

  /** Called by the login form once the server has set the session cookie. */
  async signedIn(account) {
    localStorage.setItem(ACCOUNT_KEY, JSON.stringify(account));
    this.tabs.post({ type: 'signed-in' });
    if (!location.hash.startsWith('#/chat')) location.hash = '#/chats';
    await this.startSession(account, true);
  }

  /** signedIn: just signed in, so the focus moves from the form to the first page's heading. */
  async startSession(account, signedIn) {
    const cache = await openCache(account.id);
    const store = new Store(account, cache);
    await store.restore().catch((e) => console.warn('cache', e));
    const connection = new Connection();
    const outbox = new Outbox(store, cache, connection, this.tabs);
    await outbox.load();
    const sync = new Sync(store, connection, outbox);
    this.session = { account, cache, store, connection, outbox, sync };
    this.tabs.on('outbox', (m) => outbox.adopt(m.item));
    this.tabs.on('outbox-done', (m) => outbox.forget(m.clientMessageId, true));
    store.addEventListener('change', (e) => this.changed(e.detail));
    connection.addEventListener('state', () => {
      // Presence seen before the connection dropped is no longer known; hello brings it back.
      if (connection.state !== 'online' && store.presence.size) {
        store.presence.clear();
        store.changed('presence');
      }
      this.shell?.renderStatus(connection);
    });
    store.addEventListener('incoming', (e) => this.shell?.announce(store, e.detail, sync.open));
    connection.addEventListener('doubt', () => api('GET', '/me').catch(() => {}));
    this.shell?.stop();
    this.shell = null;
    if (!location.hash || /^#\/(login|register)/.test(location.hash)) location.hash = '#/chats';
    this.render(null, signedIn);
    connection.start();
  }

  /** The session is over: ended here, in another tab, on another device, or it expired. */
  signedOut() {
    const session = this.session;
    if (!session) return;
    this.session = null;
    session.connection.stop();
    session.cache.close();
    deleteCache(session.account.id);
    localStorage.removeItem(ACCOUNT_KEY);
    location.hash = '#/login';
    this.render();
  }

  async signOut() {
    await api('DELETE', '/sessions/current').catch(() => {});
    this.tabs.post({ type: 'signed-out' });
    this.signedOut();
  }

  setLanguage(lang) {
    this.tabs.post({ type: 'lang', lang });
    return setLanguage(lang);
  }

  /**
   * Draws the current route. The focus stays where it was when that element is still there; else it
   * goes to the element named by the key a view asked for (focusNext) or that had it before the
   * redraw (same data-key), and after a navigation to the new page's heading — never lost to <body>.
   */
  render(error, navigated) {
    const key = this.focusNext || document.activeElement?.dataset?.key;
    this.focusNext = null;
    this.view?.destroy?.();
    if (!this.session) {
      this.shell?.stop();
      this.shell = null;
      this.view = authView(this, location.hash.startsWith('#/register') ? 'register' : 'login', error);
      fill(this.root, this.view.el);
      this.view.mounted?.();
      this.restoreFocus(key, false);
      return;
    }
    if (!this.shell) {
      this.shell = new Shell(this.root, this);
      this.shell.renderStatus(this.session.connection, true);
    }
    this.view = viewFor(location.hash, this.context());
    fill(this.shell.main, this.view.el);
    this.shell.main.classList.toggle('detail', Boolean(this.view.detail));
    this.view.mounted?.();
    this.shell.renderNav(this.session.store);
    this.restoreFocus(key, navigated);
  }

  restoreFocus(key, navigated) {
    const active = document.activeElement;
    if (active && active !== document.body && this.root.contains(active)) return;
    if (key && focusKey(this.root, key)) return;
    if (!navigated) return;
    const heading = this.root.querySelector('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  context() {
    const { store, sync, outbox, connection } = this.session;
    return { store, sync, outbox, connection, app: this, go: (hash) => { location.hash = hash; } };
  }

  changed(change) {
    // A store of a session that just ended may still report a change.
    if (!this.session) return;
    if (this.shell) this.shell.renderNav(this.session.store);
    const hadFocus = this.root.contains(document.activeElement);
    this.view?.update?.(change);
    // What had the focus went away (an accepted request, a removed member): start again from the heading.
    if (hadFocus && !this.root.contains(document.activeElement)) this.restoreFocus(null, true);
  }
}
