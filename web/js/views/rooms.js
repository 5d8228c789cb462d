// Rooms: the directory (search by alias or title prefix), joining by alias or id with the capacity and
// not-found errors in words, and creating a room.
import { api, query } from '../api.js';
import { h, fill, field } from '../dom.js';
import { t } from '../i18n.js';
import { attempt, smallButton } from './people.js';

export function roomsView(ctx) {
  const { store } = ctx;
  const alert = h('p', { class: 'error', role: 'alert' });
  const list = h('ul', { class: 'rooms', 'aria-live': 'polite' });
  const search = h('input', { id: 'room-search', type: 'search', maxlength: '32', oninput: () => load() });
  const joinField = field(t('rooms.join_label'), { name: 'room', required: true, maxlength: '32' });
  const alias = field(t('rooms.alias'), { name: 'alias', required: true, maxlength: '32' });
  const title = field(t('rooms.title_field'), { name: 'title', required: true, maxlength: '100' });
  const topic = field(t('rooms.topic'), { name: 'topic', maxlength: '1000' });

  async function join(idOrAlias) {
    await attempt(alert, async () => {
      const room = await api('POST', `/rooms/${encodeURIComponent(idOrAlias)}/join`);
      await ctx.sync.refreshConversations().catch(() => {});
      ctx.go(`#/chat/${room.id}`);
    });
  }

  async function load() {
    await attempt(alert, async () => {
      const answer = await api('GET', `/rooms${query({ q: search.value.trim() })}`);
      fill(list, answer.rooms.length ? answer.rooms.map((r) => h('li', { class: 'room', dataset: { alias: r.alias } },
        h('span', { class: 'room-main' }, h('strong', {}, r.title), h('span', { class: 'muted' }, ` #${r.alias}`),
          r.topic ? h('span', { class: 'room-topic' }, r.topic) : null,
          h('span', { class: 'muted' }, t('rooms.count', { count: r.memberCount, capacity: r.capacity }))),
        store.conversations.has(r.id) ? h('a', { class: 'button small', href: `#/chat/${r.id}` }, t('rooms.open'))
          : smallButton(t('rooms.join'), () => join(r.alias), 'primary')))
        : h('li', { class: 'empty' }, t('rooms.none')));
    });
  }

  const el = h('section', { class: 'page' },
    h('header', { class: 'pane-head' }, h('h1', {}, t('rooms.title'))), alert,
    h('form', { class: 'card', onsubmit: (e) => {
      e.preventDefault();
      if (joinField.input.value.trim()) join(joinField.input.value.trim());
    } }, joinField.el, h('p', { class: 'muted' }, t('rooms.join_hint')), h('button', { type: 'submit', class: 'primary' }, t('rooms.join'))),
    h('h2', {}, t('rooms.directory')),
    h('div', { class: 'field' }, h('label', { for: 'room-search' }, t('rooms.search')), search),
    list,
    h('h2', {}, t('rooms.create_title')),
    h('form', { class: 'card', onsubmit: async (e) => {
      e.preventDefault();
      await attempt(alert, async () => {
        const room = await api('POST', '/rooms', { alias: alias.input.value.trim(), title: title.input.value.trim(),
          topic: topic.input.value.trim() || undefined });
        await ctx.sync.refreshConversations().catch(() => {});
        ctx.go(`#/chat/${room.id}`);
      });
    } }, alias.el, h('p', { class: 'muted' }, t('rooms.alias_hint')), title.el, topic.el,
    h('button', { type: 'submit', class: 'primary' }, t('rooms.create'))));
  return { el, mounted: load };
}
