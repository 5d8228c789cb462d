// One open chat: header (name, presence or members, typing), the message log with infinite scroll back
// through history, and the composer. A chat with a friend who has no conversation yet is a draft: its
// first message is sent with 'to', and the view moves to the new conversation once it exists.
import { api } from '../api.js';
import { h, fill, avatar } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { lastSeen, typingText } from '../format.js';
import { messageItems } from './bubbles.js';

const NEAR_TOP_PX = 80;
const NEAR_BOTTOM_PX = 60;

export function chatPane(ctx, { conversationId, peerId }) {
  const { store, sync, outbox } = ctx;
  const id = conversationId || null;
  const peer = peerId ? store.friendOf(peerId)?.user || store.users.get(peerId) : null;
  const draftKey = id ? `c${id}` : `u${peerId}`;
  const title = h('h2', { class: 'chat-title' });
  const subtitle = h('p', { class: 'chat-sub' });
  const typing = h('p', { class: 'typing', 'aria-live': 'polite' });
  // Redrawn whole on every change, so not a live region itself: new messages are read by the shell's announcer.
  const log = h('ol', { class: 'log', role: 'log', 'aria-live': 'off', 'aria-label': t('chat.messages'), tabindex: '0' });
  const notice = h('p', { class: 'notice', role: 'alert' });
  const input = h('textarea', { class: 'composer-input', rows: '1', 'aria-label': t('chat.write'),
    placeholder: t('chat.write'), maxlength: '4000' });
  input.value = store.drafts.get(draftKey) || '';
  const send = h('button', { type: 'submit', class: 'primary send' }, t('chat.send'));
  const composer = h('form', { class: 'composer', onsubmit: (e) => { e.preventDefault(); submit(); } }, input, send);
  const info = id ? h('a', { class: 'button small info', dataset: { key: 'chat-info' }, href: `#/chat/${id}/info` }, t('chat.info')) : null;
  const el = h('section', { class: 'chat-pane', 'aria-label': t('chat.label') },
    h('header', { class: 'chat-head' },
      h('a', { class: 'back', href: '#/chats', 'aria-label': t('chat.back') }, '‹'),
      h('span', { class: 'chat-avatar' }), h('div', { class: 'chat-heading' }, title, subtitle), info),
    log, typing, notice, composer);
  let loadingOlder = false;
  let stick = true;

  // Escape leaves the chat for the list, with the focus on this chat's entry.
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
    e.preventDefault();
    if (id) ctx.app.focusNext = `conv-${id}`;
    ctx.go('#/chats');
  });

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    store.drafts.set(draftKey, input.value);
    if (id && input.value) sync.typing(id);
  });
  log.addEventListener('scroll', () => {
    stick = log.scrollHeight - log.scrollTop - log.clientHeight < NEAR_BOTTOM_PX;
    if (log.scrollTop < NEAR_TOP_PX) older();
  });

  async function submit() {
    const body = input.value.trim();
    if (!body) return;
    input.value = '';
    store.drafts.delete(draftKey);
    stick = true;
    await outbox.add(id ? { conversationId: id, body } : { to: peer.username, body });
    input.focus();
  }

  async function older() {
    if (!id || loadingOlder) return;
    loadingOlder = true;
    const fromBottom = log.scrollHeight - log.scrollTop;
    try {
      if (await sync.loadOlder(id)) {
        drawLog();
        log.scrollTop = log.scrollHeight - fromBottom;
      }
    } catch { /* offline: older pages come when the connection is back */ }
    loadingOlder = false;
  }

  function drawHead() {
    const conv = id ? store.conversations.get(id) : null;
    const name = conv ? store.title(conv) : store.name(peerId);
    title.textContent = name || '';
    fill(el.querySelector('.chat-avatar'), avatar(name));
    const details = store.details.get(id);
    if (conv && conv.kind !== 'DIRECT') {
      subtitle.textContent = details ? t('chat.members', { count: details.memberCount }) : t(`kind.${conv.kind}`);
    } else {
      subtitle.textContent = lastSeen(store.presence.get(conv ? conv.peer?.id : peerId));
    }
    const closed = Boolean(details?.disbandedAt);
    input.disabled = closed;
    send.disabled = closed;
    notice.textContent = closed ? t('chat.disbanded') : '';
    if (!conv && !peer && !id) notice.textContent = t('chat.not_found');
  }

  function drawLog() {
    const conv = id ? store.conversations.get(id) : null;
    const items = messageItems(ctx, conv, id ? store.windowMessages(id) : [], outbox.pendingFor(id, peer?.username));
    const win = id ? store.windows.get(id) : null;
    const top = win?.hasOlder ? h('li', { class: 'more' }, t('chat.loading_older'))
      : h('li', { class: 'start' }, t(items.length ? 'chat.start' : 'chat.empty'));
    if (id && !win && !items.length) fill(log, h('li', { class: 'start' }, t('chat.loading')));
    else fill(log, top, items);
    if (stick) log.scrollTop = log.scrollHeight;
    if (win?.hasOlder && log.scrollHeight <= log.clientHeight) older();
  }

  function drawTyping() {
    const names = id ? store.typingUsers(id).filter((u) => u !== store.me.id).map((u) => store.name(u)) : [];
    typing.textContent = typingText(names);
  }

  async function loadDetails() {
    const conv = store.conversations.get(id);
    if (!conv || conv.kind === 'DIRECT') return;
    try {
      store.details.set(id, await api('GET', `/conversations/${id}`));
      drawHead();
    } catch (e) {
      notice.textContent = errorText(e);
    }
  }

  drawHead();
  drawLog();
  drawTyping();
  return {
    el,
    mounted() {
      if (id) sync.show(id).then(() => drawLog(), () => {});
      loadDetails();
      input.focus();
      log.scrollTop = log.scrollHeight;
    },
    update(change) {
      if (!id && peerId) {
        const existing = store.directWith(peerId);
        if (existing) ctx.go(`#/chat/${existing.id}`);
      }
      const mineChanged = change.id === undefined || change.id === id;
      if (['messages', 'outbox', 'receipts', 'users', 'all'].includes(change.topic) && mineChanged) drawLog();
      if (['conversations', 'presence', 'users', 'contacts', 'all'].includes(change.topic)) drawHead();
      if (change.topic === 'typing' && mineChanged) drawTyping();
      if (change.topic === 'messages' && change.id === id) sync.markRead(id);
    },
    destroy() {
      sync.open = null;
    },
  };
}
