// The signed-in frame around every screen: the skip link, the navigation (a labelled landmark with
// badges), the connection state (a polite status region), the main landmark, and an announcer that
// reads new messages to screen readers. Built once per session and language and updated in place, so
// the keyboard focus on a navigation item survives every change of the page.
import { h, fill, icon } from './dom.js';
import { t } from './i18n.js';
import { preview } from './format.js';
import { SYSTEM_TYPE, WITHHELD_TYPE } from './store.js';

const ITEMS = [
  { key: 'nav.chats', hash: '#/chats', symbol: 'chats', match: ['chats', 'chat', 'new'] },
  { key: 'nav.contacts', hash: '#/contacts', symbol: 'contacts', match: ['contacts', 'groups'] },
  { key: 'nav.rooms', hash: '#/rooms', symbol: 'rooms', match: ['rooms'] },
  { key: 'nav.settings', hash: '#/settings', symbol: 'settings', match: ['settings'] },
];

export class Shell {
  constructor(root, app) {
    this.app = app;
    this.nav = h('nav', { class: 'rail', 'aria-label': t('nav.label') });
    this.items = ITEMS.map((item) => {
      const badge = h('span', { class: 'badge', hidden: true });
      const link = h('a', { href: item.hash, class: 'rail-item', dataset: { key: `nav-${item.symbol}` } },
        icon(item.symbol), h('span', { class: 'label' }, t(item.key)), badge);
      this.nav.append(link);
      return { ...item, link, badge };
    });
    this.status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.announcer = h('div', { class: 'sr-only announcer', role: 'status', 'aria-live': 'polite' });
    this.main = h('main', { class: 'main', id: 'main', tabindex: '-1' });
    const skip = h('a', { class: 'skip', href: '#main', onclick: (e) => {
      // The hash is the route: move the focus instead of following the link.
      e.preventDefault();
      this.main.focus();
    } }, t('nav.skip'));
    fill(root, skip, h('div', { class: 'shell' }, this.nav,
      h('div', { class: 'content' }, this.status, this.main, this.announcer)));
    this.shownState = null;
  }

  /** Marks the current page and sets the badges (unread chats, incoming friend requests). */
  renderNav(store) {
    const here = location.hash.split('/')[1] || 'chats';
    const counts = { chats: store.totalUnread(), contacts: store.incoming.length };
    for (const item of this.items) {
      if (item.match.includes(here)) item.link.setAttribute('aria-current', 'page');
      else item.link.removeAttribute('aria-current');
      const count = counts[item.symbol] || 0;
      item.badge.hidden = !count;
      item.badge.textContent = count ? String(count) : '';
      // The count is read with the link's name: "Chats, 2 new".
      if (count) item.badge.setAttribute('aria-label', t('nav.badge', { count }));
      else item.badge.removeAttribute('aria-label');
    }
  }

  /** The connection state; redrawn only when it changes, so screen readers hear each change once. */
  renderStatus(connection, force) {
    const state = connection.state;
    if (state === this.shownState && !force) return;
    this.shownState = state;
    clearInterval(this.statusTimer);
    this.status.className = `status ${state}`;
    this.status.dataset.state = state;
    const dot = () => h('span', { class: 'dot', 'aria-hidden': 'true' });
    if (state === 'online') {
      fill(this.status, dot(), t('connection.online'));
    } else if (state === 'connecting') {
      fill(this.status, dot(), t('connection.connecting'));
    } else if (state === 'replaced') {
      fill(this.status, t('connection.replaced'), ' ',
        h('button', { class: 'link', dataset: { key: 'sign-in-again' }, onclick: () => this.app.signOut() },
          t('connection.sign_in_again')));
    } else {
      const countdown = h('span', { class: 'countdown', 'aria-hidden': 'true' });
      const draw = () => {
        const seconds = Math.max(0, Math.ceil((connection.retryAt - Date.now()) / 1000));
        countdown.textContent = t('connection.retry_in', { seconds });
      };
      fill(this.status, dot(), t('connection.offline'), ' ', countdown, ' ',
        h('button', { class: 'link', dataset: { key: 'retry-now' }, onclick: () => connection.reconnectNow() },
          t('connection.retry_now')));
      draw();
      this.statusTimer = setInterval(draw, 1000);
    }
  }

  /** Reads a message that just arrived: its text in the open chat, who wrote where elsewhere. */
  announce(store, message, openId) {
    if (message.senderId === store.me.id || message.contentType === WITHHELD_TYPE) return;
    const conv = store.conversations.get(message.conversationId);
    const name = store.name(message.senderId);
    let text;
    if (message.conversationId === openId) {
      text = message.contentType === SYSTEM_TYPE ? preview(message, store) : t('announce.message', { name, text: message.body });
    } else if (message.contentType === SYSTEM_TYPE) {
      return;
    } else if (conv && conv.kind !== 'DIRECT') {
      text = t('announce.message_in', { name, title: store.title(conv) });
    } else {
      text = t('announce.message_from', { name });
    }
    // A new text node each time: some screen readers skip a change to the same text.
    fill(this.announcer, h('p', {}, text));
  }

  stop() {
    clearInterval(this.statusTimer);
  }
}
