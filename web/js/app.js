// The page's life: signed out (login and registration) or signed in (one session: cache, store,
// WebSocket, outbox, sync), the shell with its navigation and connection state, and hash routing.
import { api, whenSignedOut } from './api.js';
import { openCache, deleteCache } from './cache.js';
import { Connection } from './connection.js';
import { h, fill, icon } from './dom.js';
import { detectLanguage, setLanguage, onLanguageChange, t } from './i18n.js';
import { Outbox } from './outbox.js';
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
    onLanguageChange(() => this.render());
    window.addEventListener('hashchange', () => this.render());
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
    await this.startSession(account);
  }

  async startSession(account) {
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
      this.renderStatus();
    });
    connection.addEventListener('doubt', () => api('GET', '/me').catch(() => {}));
    this.shell = null;
    if (!location.hash || /^#\/(login|register)/.test(location.hash)) location.hash = '#/chats';
    this.render();
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
    clearInterval(this.statusTimer);
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

  render(error) {
    this.view?.destroy?.();
    if (!this.session) {
      this.shell = null;
      this.view = authView(this, location.hash.startsWith('#/register') ? 'register' : 'login', error);
      fill(this.root, this.view.el);
      return;
    }
    this.buildShell();
    this.view = viewFor(location.hash, this.context());
    fill(this.main, this.view.el);
    this.main.classList.toggle('detail', Boolean(this.view.detail));
    this.view.mounted?.();
    this.renderNav();
    this.renderStatus();
  }

  context() {
    const { store, sync, outbox, connection } = this.session;
    return { store, sync, outbox, connection, app: this, go: (hash) => { location.hash = hash; } };
  }

  buildShell() {
    this.nav = h('nav', { class: 'rail', 'aria-label': t('nav.label') });
    this.status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.main = h('main', { class: 'main', id: 'main' });
    fill(this.root, h('a', { class: 'skip', href: '#main' }, t('nav.skip')),
      h('div', { class: 'shell' }, this.nav, h('div', { class: 'content' }, this.status, this.main)));
  }

  changed(change) {
    this.renderNav();
    this.view?.update?.(change);
  }

  renderNav() {
    if (!this.session || !this.nav) return;
    const { store } = this.session;
    const here = location.hash.split('/')[1] || 'chats';
    const item = (key, hash, symbol, badge, match) => h('a', {
      href: hash, class: 'rail-item', 'aria-current': match.includes(here) ? 'page' : undefined,
    }, icon(symbol), h('span', { class: 'label' }, t(key)),
    badge ? h('span', { class: 'badge', 'aria-label': t('nav.badge', { count: badge }) }, String(badge)) : null);
    fill(this.nav,
      item('nav.chats', '#/chats', 'chats', store.totalUnread(), ['chats', 'chat', 'new']),
      item('nav.contacts', '#/contacts', 'contacts', store.incoming.length, ['contacts', 'groups']),
      item('nav.rooms', '#/rooms', 'rooms', 0, ['rooms']),
      item('nav.settings', '#/settings', 'settings', 0, ['settings']));
  }

  renderStatus() {
    if (!this.session || !this.status) return;
    const { connection } = this.session;
    const state = connection.state;
    clearInterval(this.statusTimer);
    this.status.className = `status ${state}`;
    this.status.dataset.state = state;
    if (state === 'online') {
      fill(this.status, h('span', { class: 'dot', 'aria-hidden': 'true' }), t('connection.online'));
    } else if (state === 'connecting') {
      fill(this.status, h('span', { class: 'dot', 'aria-hidden': 'true' }), t('connection.connecting'));
    } else if (state === 'replaced') {
      fill(this.status, t('connection.replaced'), ' ',
        h('button', { class: 'link', onclick: () => this.signOut() }, t('connection.sign_in_again')));
    } else {
      const countdown = h('span', { class: 'countdown', 'aria-hidden': 'true' });
      const draw = () => {
        const seconds = Math.max(0, Math.ceil((connection.retryAt - Date.now()) / 1000));
        countdown.textContent = t('connection.retry_in', { seconds });
      };
      fill(this.status, h('span', { class: 'dot', 'aria-hidden': 'true' }), t('connection.offline'), ' ', countdown, ' ',
        h('button', { class: 'link', onclick: () => connection.reconnectNow() }, t('connection.retry_now')));
      draw();
      this.statusTimer = setInterval(draw, 1000);
    }
  }
}
