// The conversation list beside (desktop) or instead of (phone) the open chat.
import { h, fill, avatar } from '../dom.js';
import { t } from '../i18n.js';
import { listTime, preview } from '../format.js';
import { chatPane } from './chat.js';

export function chatsView(ctx, selection) {
  const { store } = ctx;
  const selected = selection.conversationId || null;
  const search = h('input', { type: 'search', class: 'search', 'aria-label': t('chats.search'),
    placeholder: t('chats.search'), oninput: () => drawList() });
  const list = h('ul', { class: 'conv-list', 'aria-label': t('chats.title') });
  const pane = selection.conversationId || selection.peerId ? chatPane(ctx, selection) : null;
  const el = h('div', { class: `chats ${pane ? 'has-selection' : ''}` },
    h('section', { class: 'list-pane', 'aria-label': t('chats.title') },
      h('header', { class: 'pane-head' }, h('h1', {}, t('chats.title')),
        h('a', { class: 'button small', href: '#/groups/new' }, t('chats.new_group'))),
      search, list),
    pane ? pane.el : h('section', { class: 'chat-pane empty-pane' }, h('p', { class: 'empty' }, t('chats.pick'))));

  function drawList() {
    const term = search.value.trim().toLowerCase();
    const items = store.sortedConversations().filter((c) => !term
      || store.title(c).toLowerCase().includes(term)
      || (c.lastMessage?.body || '').toLowerCase().includes(term));
    if (!items.length) {
      fill(list, h('li', { class: 'empty' }, t(term ? 'chats.no_match' : 'chats.empty')));
      return;
    }
    fill(list, items.map((c) => conversationItem(store, c, c.id === selected)));
  }

  drawList();
  return {
    el,
    detail: Boolean(pane),
    mounted: () => pane?.mounted(),
    update(change) {
      if (['conversations', 'messages', 'contacts', 'presence', 'users', 'all'].includes(change.topic)) drawList();
      pane?.update(change);
    },
    destroy: () => pane?.destroy(),
  };
}

function conversationItem(store, c, current) {
  const title = store.title(c) || '';
  const presence = c.peer ? store.presence.get(c.peer.id) : null;
  const kind = c.kind === 'DIRECT' ? null : h('span', { class: 'kind' }, t(`kind.${c.kind}`));
  const label = [title, c.unread ? t('chats.unread', { count: c.unread }) : ''].filter(Boolean).join(', ');
  return h('li', {},
    h('a', { href: `#/chat/${c.id}`, class: `conv ${current ? 'current' : ''}`, 'aria-current': current ? 'true' : undefined,
      'aria-label': label, dataset: { conversation: c.id, key: `conv-${c.id}` } },
    h('span', { class: 'avatar-wrap' }, avatar(title),
      presence ? h('span', { class: `presence ${presence.online ? 'on' : 'off'}`, title: t(presence.online ? 'presence.online' : 'presence.offline') }) : null),
    h('span', { class: 'conv-main' },
      h('span', { class: 'conv-top' }, h('span', { class: 'conv-title' }, title), kind,
        h('time', { class: 'conv-time' }, listTime(c.updatedAt))),
      h('span', { class: 'conv-bottom' }, h('span', { class: 'conv-preview' }, preview(c.lastMessage, store)),
        c.unread ? h('span', { class: 'badge unread', 'aria-hidden': 'true' }, String(c.unread)) : null))));
}
