// The messages of a chat: day separators, system notices, bubbles with sender, time and status ticks,
// and the messages still waiting in the outbox (sending, or failed with retry).
import { h, richText } from '../dom.js';
import { t, has } from '../i18n.js';
import { time, dayKey, dayLabel, systemText } from '../format.js';
import { SYSTEM_TYPE, WITHHELD_TYPE } from '../store.js';

const TICKS = { sending: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };

export function messageItems(ctx, conv, messages, pending) {
  const { store } = ctx;
  const out = [];
  let lastDay = null;
  let lastSender = null;
  const group = conv && conv.kind !== 'DIRECT';
  const day = (iso) => {
    const key = dayKey(iso);
    if (key !== lastDay) {
      lastDay = key;
      lastSender = null;
      out.push(h('li', { class: 'day', role: 'separator' }, h('span', {}, dayLabel(iso))));
    }
  };
  for (const m of messages) {
    if (m.contentType === WITHHELD_TYPE) continue;
    day(m.sentAt);
    if (m.contentType === SYSTEM_TYPE) {
      out.push(h('li', { class: 'system', dataset: { seq: m.seq } }, systemText(m, store)));
      lastSender = null;
      continue;
    }
    const mine = m.senderId === store.me.id;
    const showName = group && !mine && lastSender !== m.senderId;
    lastSender = m.senderId;
    const status = mine ? store.statusOf(m) : null;
    out.push(bubble({ mine, name: showName ? store.name(m.senderId) : null, body: m.body, when: time(m.sentAt),
      status: status?.status, readers: group ? status?.readers : 0, data: { seq: m.seq, cid: m.clientMessageId } }));
  }
  for (const item of pending) {
    day(new Date(item.createdAt).toISOString());
    const failed = item.status === 'failed';
    out.push(bubble({ mine: true, body: item.body, when: time(new Date(item.createdAt).toISOString()),
      status: failed ? 'failed' : 'sending', data: { cid: item.clientMessageId, pending: 'true' },
      actions: failed ? [
        h('span', { class: 'fail-reason' }, has(`error.${item.error}`) ? t(`error.${item.error}`) : t('error.unknown')),
        h('button', { class: 'link retry', dataset: { key: `retry-${item.clientMessageId}` }, onclick: () => ctx.outbox.retry(item.clientMessageId) }, t('chat.retry')),
        h('button', { class: 'link discard', dataset: { key: `discard-${item.clientMessageId}` }, onclick: () => ctx.outbox.discard(item.clientMessageId) }, t('chat.discard')),
      ] : null }));
  }
  return out;
}

function bubble({ mine, name, body, when, status, readers, data, actions }) {
  const label = status ? (readers > 1 ? t('status.read_by', { count: readers }) : t(`status.${status}`)) : null;
  return h('li', { class: `msg ${mine ? 'mine' : 'theirs'} ${status || ''}`, dataset: { ...data, status: status || '' } },
    h('div', { class: 'bubble' },
      name ? h('div', { class: 'sender' }, name) : null,
      h('div', { class: 'body' }, richText(body)),
      h('div', { class: 'meta' }, h('time', {}, when),
        status ? h('span', { class: `ticks ${status}`, role: 'img', 'aria-label': label, title: label }, TICKS[status]) : null)),
    actions ? h('div', { class: 'actions' }, actions) : null);
}
