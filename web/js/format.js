// Times, days and system notices in the user's language.
import { t, locale } from './i18n.js';
import { SYSTEM_TYPE, WITHHELD_TYPE } from './store.js';

export function time(iso) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

export function dayKey(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "Today", "Yesterday", or the date, for day separators. */
export function dayLabel(iso) {
  const d = new Date(iso);
  const now = new Date();
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(d, now)) return t('day.today');
  if (sameDay(d, yesterday)) return t('day.yesterday');
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric' }).format(d);
}

/** The time in the conversation list: the time today, the date before. */
export function listTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (sameDay(d, new Date())) return time(iso);
  return new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric' }).format(d);
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const SYSTEM_KEYS = new Set(['group.created', 'room.created', 'member.invited', 'member.joined', 'member.left',
  'member.removed', 'member.role_changed', 'owner.transferred', 'conversation.edited', 'conversation.disbanded']);

/** A system message as a sentence: "Alice invited Bob and Carol". */
export function systemText(message, store) {
  let notice;
  try {
    notice = JSON.parse(message.body);
  } catch {
    return t('system.unknown');
  }
  if (!SYSTEM_KEYS.has(notice.type)) return t('system.unknown');
  const names = (notice.targetIds || []).map((id) => store.name(id));
  const detail = notice.type === 'member.role_changed' ? t(`role.${notice.detail}`) : notice.detail || '';
  return t(`system.${notice.type}`, {
    actor: store.name(notice.actorId), targets: names.join(t('list.separator')), detail,
  });
}

/** One line for the conversation list. */
export function preview(message, store) {
  if (!message) return t('chats.no_messages');
  if (message.contentType === SYSTEM_TYPE) return systemText(message, store);
  if (message.contentType === WITHHELD_TYPE) return '';
  const text = message.body.replace(/\s+/g, ' ');
  return message.senderId === store.me.id ? t('chats.you_said', { text }) : text;
}

/** Who is typing, as a sentence: "Ann is typing…", "Ann and Bo are typing…", "Ann, Bo and Cy are typing…". */
export function typingText(names) {
  if (!names.length) return '';
  if (names.length === 1) return t('chat.typing_one', { name: names[0] });
  if (names.length === 2) return t('chat.typing_two', { first: names[0], second: names[1] });
  if (names.length === 3) {
    return t('chat.typing_three', { first: names[0], second: names[1], third: names[2] });
  }
  return t('chat.typing_many', { first: names[0], second: names[1], count: names.length - 2 });
}

export function lastSeen(presence) {
  if (!presence) return '';
  if (presence.online) return t('presence.online');
  if (presence.lastSeenAt) return t('presence.last_seen', { when: dateTime(presence.lastSeenAt) });
  return t('presence.offline');
}
