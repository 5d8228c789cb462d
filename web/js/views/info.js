// A group's or room's details and members: settings, roles, inviting friends, removing members, making
// admins, handing over the ownership, leaving and disbanding, each offered only to the roles that may
// do it (protocol 8.5).
import { api } from '../api.js';
import { h, fill, checkbox } from '../dom.js';
import { t } from '../i18n.js';
import { personRow, confirmButton, attempt, smallButton } from './people.js';
import { settingsForm, settingsSummary } from './group-settings.js';

export function infoView(ctx, id) {
  const { store } = ctx;
  const alert = h('p', { class: 'error', role: 'alert' });
  const head = h('div', { class: 'info-head' });
  const settings = h('div', { class: 'settings' });
  const members = h('ul', { class: 'people members' });
  const invite = h('div', { class: 'invite' });
  const actions = h('div', { class: 'danger-zone' });
  const el = h('section', { class: 'page' },
    h('header', { class: 'pane-head' }, h('a', { class: 'back always', href: `#/chat/${id}`, 'aria-label': t('chat.back') }, '‹'),
      h('h1', {}, t('info.title'))),
    alert, head, h('h2', {}, t('info.members')), members, invite, settings, actions);
  let details = null;
  let list = [];
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    ctx.go(`#/chat/${id}`);
  });

  async function load() {
    await attempt(alert, async () => {
      [details, list] = await Promise.all([api('GET', `/conversations/${id}`),
        api('GET', `/conversations/${id}/members`).then((a) => a.members)]);
      store.details.set(id, details);
      for (const m of list) store.users.set(m.user.id, { ...store.users.get(m.user.id), ...m.user });
      draw();
      drawSettings();
    });
  }

  const act = (action) => attempt(alert, action).then((ok) => ok && load());

  function draw() {
    const mine = details.myRole;
    const closed = Boolean(details.disbandedAt);
    fill(head, h('p', { class: 'info-title' }, details.title),
      details.alias ? h('p', { class: 'muted' }, t('rooms.alias_is', { alias: details.alias })) : null,
      details.topic ? h('p', { class: 'info-topic' }, details.topic) : null,
      details.description ? h('p', { class: 'info-description' }, details.description) : null,
      h('p', { class: 'muted' }, t(`kind.${details.kind}`), ' · ', t('chat.members', { count: details.memberCount }),
        ' · ', t('info.your_role', { role: t(`role.${mine}`) })),
      settingsSummary(details),
      closed ? h('p', { class: 'notice' }, t('chat.disbanded')) : null);
    fill(members, list.map((m) => personRow(store, m.user, closed ? [] : memberButtons(m, mine), t(`role.${m.role}`))));
    drawInvite(mine, closed);
    const othersStay = details.memberCount > 1;
    fill(actions, h('h2', {}, t('info.leave_title')),
      mine === 'OWNER' && !closed && othersStay ? h('p', { class: 'muted' }, t('info.owner_leave_hint')) : null,
      confirmButton(t('info.leave'), t('info.confirm_leave'), () => attempt(alert, async () => {
        await api('POST', `/conversations/${id}/leave`);
        await ctx.sync.refreshConversations().catch(() => {});
        ctx.go('#/chats');
      })),
      mine === 'OWNER' && !closed ? confirmButton(t('info.disband'), t('info.confirm_disband'),
        () => act(() => api('POST', `/conversations/${id}/disband`))) : null);
  }

  /** Drawn after loading only, so neither a save nor a change elsewhere wipes what is being typed. */
  function drawSettings() {
    const editable = details.myRole !== 'MEMBER' && !details.disbandedAt;
    fill(settings, editable ? settingsForm(details, (now) => {
      details = now;
      store.details.set(id, now);
      ctx.sync.refreshConversations().catch(() => {});
      draw();
    }) : null);
  }

  function memberButtons(m, mine) {
    if (m.user.id === store.me.id) return [];
    const out = [];
    const canRemove = (mine === 'OWNER' && m.role !== 'OWNER') || (mine === 'ADMIN' && m.role === 'MEMBER');
    if (mine === 'OWNER' && m.role !== 'OWNER') {
      const next = m.role === 'ADMIN' ? 'MEMBER' : 'ADMIN';
      out.push(smallButton(t(next === 'ADMIN' ? 'info.make_admin' : 'info.make_member'),
        () => act(() => api('PUT', `/conversations/${id}/members/${m.user.id}/role`, { role: next }))));
    }
    if (mine === 'OWNER') {
      out.push(confirmButton(t('info.make_owner'), t('info.confirm_make_owner'),
        () => act(() => api('POST', `/conversations/${id}/transfer`, { userId: m.user.id }))));
    }
    if (canRemove) {
      out.push(confirmButton(t('info.remove'), t('info.confirm_remove'),
        () => act(() => api('DELETE', `/conversations/${id}/members/${m.user.id}`))));
    }
    return out;
  }

  function drawInvite(mine, closed) {
    const allowed = details.kind === 'GROUP' && !closed && (mine !== 'MEMBER' || details.invitePolicy === 'MEMBERS');
    if (!allowed) {
      fill(invite);
      return;
    }
    const inside = new Set(list.map((m) => m.user.id));
    const candidates = store.friends.filter((f) => !inside.has(f.user.id))
      .map((f) => ({ id: f.user.id, box: checkbox(store.name(f.user.id), { value: String(f.user.id) }) }));
    fill(invite, h('h2', {}, t('info.invite')), candidates.length ? h('form', { class: 'card', onsubmit: (e) => {
      e.preventDefault();
      const userIds = candidates.filter((c) => c.box.input.checked).map((c) => c.id);
      if (userIds.length) act(() => api('POST', `/conversations/${id}/members`, { userIds }));
    } }, candidates.map((c) => c.box.el), h('button', { type: 'submit', class: 'primary small' }, t('info.invite_button')))
      : h('p', { class: 'empty' }, t('info.no_one_to_invite')));
  }

  return { el, detail: true, mounted: load, update: (change) => change.topic === 'contacts' && details && draw() };
}
