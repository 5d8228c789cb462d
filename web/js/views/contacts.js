// Contacts: friends (presence, remark, message, remove, block), friend requests with a badge, finding
// people by username, email or phone, and the block list.
import { api, query } from '../api.js';
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import { personRow, confirmButton, attempt, smallButton } from './people.js';

const TABS = ['friends', 'requests', 'find', 'blocked'];

export function contactsView(ctx, tab) {
  const { store } = ctx;
  const active = TABS.includes(tab) ? tab : 'friends';
  const alert = h('p', { class: 'error', role: 'alert' });
  const body = h('div', { class: 'tab-body' });
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('contacts.title') });
  const el = h('section', { class: 'page' },
    h('header', { class: 'pane-head' }, h('h1', {}, t('contacts.title')),
      h('a', { class: 'button small', href: '#/groups/new' }, t('chats.new_group'))),
    tabs, alert, body);
  const refresh = () => ctx.sync.refreshContacts().catch(() => {});
  const act = (action) => attempt(alert, action).then((ok) => ok && refresh());
  const find = findTab(ctx, act, alert);

  function drawTabs() {
    fill(tabs, TABS.map((name) => h('a', { href: `#/contacts/${name}`, class: 'tab', dataset: { key: `tab-${name}` },
      'aria-current': name === active ? 'page' : undefined }, t(`contacts.tab.${name}`),
    name === 'requests' && store.incoming.length ? h('span', { class: 'badge' }, String(store.incoming.length)) : null)));
  }

  function draw() {
    drawTabs();
    if (active === 'friends') fill(body, friendsTab(ctx, act));
    else if (active === 'requests') fill(body, requestsTab(ctx, act));
    else if (active === 'blocked') fill(body, blockedTab(ctx, act));
    else fill(body, find.el);
  }

  draw();
  return {
    el,
    mounted: () => (active === 'find' ? find.focus() : refresh()),
    update(change) {
      if (['contacts', 'presence', 'users', 'all'].includes(change.topic)) {
        if (active === 'find') drawTabs();
        else draw();
      }
    },
  };
}

function friendsTab(ctx, act) {
  const { store } = ctx;
  if (!store.friends.length) return h('p', { class: 'empty' }, t('contacts.no_friends'));
  return h('ul', { class: 'people' }, store.friends.map((f) => {
    const remark = remarkEditor(ctx, f, act);
    const conv = store.directWith(f.user.id);
    return personRow(store, f.user, [
      h('a', { class: 'button small primary', href: conv ? `#/chat/${conv.id}` : `#/new/${f.user.id}` }, t('contacts.message')),
      remark.button,
      confirmButton(t('contacts.remove'), t('contacts.confirm_remove'), () => act(() => api('DELETE', `/friends/${f.user.id}`))),
      confirmButton(t('contacts.block'), t('contacts.confirm_block'), () => act(() => api('PUT', `/blocks/${f.user.id}`))),
      remark.form,
    ]);
  }));
}

function remarkEditor(ctx, friend, act) {
  const id = `remark-${friend.user.id}`;
  const input = h('input', { id, value: friend.remark || '', maxlength: '64' });
  const form = h('form', { class: 'inline-form', hidden: true, onsubmit: (e) => {
    e.preventDefault();
    act(() => api('PUT', `/friends/${friend.user.id}/remark`, { remark: input.value.trim() }));
  } }, h('label', { for: id }, t('contacts.remark')), input, h('button', { type: 'submit', class: 'small' }, t('common.save')));
  const button = smallButton(t('contacts.set_remark'), () => {
    form.hidden = !form.hidden;
    if (!form.hidden) input.focus();
  });
  button.setAttribute('aria-expanded', 'false');
  const sync = () => button.setAttribute('aria-expanded', String(!form.hidden));
  button.addEventListener('click', sync);
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    form.hidden = true;
    sync();
    button.focus();
  });
  return { button, form };
}

function requestsTab(ctx, act) {
  const { store } = ctx;
  const incoming = store.incoming.map((r) => personRow(store, r.from, [
    smallButton(t('contacts.accept'), () => act(() => api('POST', `/friend-requests/${r.id}/accept`)), 'primary'),
    smallButton(t('contacts.decline'), () => act(() => api('POST', `/friend-requests/${r.id}/decline`))),
  ], r.message));
  const outgoing = store.outgoing.map((r) => personRow(store, r.to, [
    smallButton(t('contacts.cancel_request'), () => act(() => api('POST', `/friend-requests/${r.id}/cancel`))),
  ], t('contacts.waiting')));
  return [
    h('h2', {}, t('contacts.incoming')),
    incoming.length ? h('ul', { class: 'people incoming' }, incoming) : h('p', { class: 'empty' }, t('contacts.no_incoming')),
    h('h2', {}, t('contacts.outgoing')),
    outgoing.length ? h('ul', { class: 'people outgoing' }, outgoing) : h('p', { class: 'empty' }, t('contacts.no_outgoing')),
  ];
}

function blockedTab(ctx, act) {
  const { store } = ctx;
  if (!store.blocked.length) return h('p', { class: 'empty' }, t('contacts.no_blocked'));
  return h('ul', { class: 'people' }, store.blocked.map((b) => personRow(store, b.user, [
    smallButton(t('contacts.unblock'), () => act(() => api('DELETE', `/blocks/${b.user.id}`))),
  ])));
}

function findTab(ctx, act, alert) {
  const { store } = ctx;
  const results = h('ul', { class: 'people results', 'aria-live': 'polite' });
  const input = h('input', { id: 'find-people', type: 'search', required: true, maxlength: '254' });
  const note = h('input', { id: 'find-note', maxlength: '200' });
  const form = h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    await attempt(alert, async () => {
      const answer = await api('GET', `/users/search${query({ q })}`);
      fill(results, answer.users.length ? answer.users.map((u) => resultRow(u)) : h('li', { class: 'empty' }, t('contacts.nobody_found')));
    });
  } },
  h('label', { for: 'find-people' }, t('contacts.find_label')),
  h('p', { class: 'muted' }, t('contacts.find_hint')),
  h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'primary' }, t('contacts.search'))),
  h('label', { for: 'find-note' }, t('contacts.request_note')), note);

  function resultRow(user) {
    if (user.id === store.me.id) return personRow(store, user, [h('span', { class: 'muted' }, t('contacts.this_is_you'))]);
    if (store.friendOf(user.id)) {
      const conv = store.directWith(user.id);
      return personRow(store, user, [h('a', { class: 'button small primary', href: conv ? `#/chat/${conv.id}` : `#/new/${user.id}` }, t('contacts.message'))]);
    }
    const add = smallButton(t('contacts.add_friend'), async () => {
      const ok = await attempt(alert, () => api('POST', '/friend-requests', { toUserId: user.id, message: note.value.trim() || undefined }));
      if (ok) {
        add.textContent = t('contacts.request_sent');
        add.disabled = true;
        ctx.sync.refreshContacts().catch(() => {});
      }
    }, 'primary');
    return personRow(store, user, [add,
      confirmButton(t('contacts.block'), t('contacts.confirm_block'), () => act(() => api('PUT', `/blocks/${user.id}`)))]);
  }

  return { el: [form, results], focus: () => input.focus() };
}
