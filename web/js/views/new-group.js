// A new group, made from friends.
import { api } from '../api.js';
import { h, field, checkbox } from '../dom.js';
import { t } from '../i18n.js';
import { attempt } from './people.js';

export function newGroupView(ctx) {
  const { store } = ctx;
  const alert = h('p', { class: 'error', role: 'alert' });
  const title = field(t('groups.title_field'), { name: 'title', required: true, maxlength: '100' });
  const picks = store.friends.map((f) => ({ id: f.user.id, box: checkbox(store.name(f.user.id), { value: String(f.user.id) }) }));
  const form = h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    const memberIds = picks.filter((p) => p.box.input.checked).map((p) => p.id);
    await attempt(alert, async () => {
      const group = await api('POST', '/groups', { title: title.input.value.trim(), memberIds });
      await ctx.sync.refreshConversations().catch(() => {});
      ctx.go(`#/chat/${group.id}`);
    });
  } },
  title.el,
  h('fieldset', {}, h('legend', {}, t('groups.pick_friends')),
    picks.length ? picks.map((p) => p.box.el) : h('p', { class: 'empty' }, t('groups.no_friends'))),
  alert,
  h('button', { type: 'submit', class: 'primary' }, t('groups.create')));
  const el = h('section', { class: 'page' }, h('header', { class: 'pane-head' }, h('h1', {}, t('groups.new_title'))),
    h('p', { class: 'muted' }, t('groups.new_hint')), form);
  return { el, mounted: () => title.input.focus() };
}
