// Settings: profile, language, password, and sessions (devices) with "sign out other devices".
import { api } from '../api.js';
import { h, fill, field, checkbox } from '../dom.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';
import { languagePicker } from './language.js';
import { attempt, smallButton } from './people.js';

/** A screen reader hears which device a "Sign out" button is for. */
function labelled(button, label) {
  button.setAttribute('aria-label', label);
  return button;
}

export function settingsView(ctx) {
  const { store, app } = ctx;
  const me = store.me;
  const alert = h('p', { class: 'error', role: 'alert' });
  const saved = h('p', { class: 'ok', role: 'status' });
  const display = field(t('auth.display_name'), { value: me.displayName || '', maxlength: '64', autocomplete: 'name' });
  const email = field(t('auth.email'), { type: 'email', value: me.email || '', autocomplete: 'email' });
  const phone = field(t('auth.phone'), { type: 'tel', value: me.phone || '', autocomplete: 'tel' });
  const byEmail = checkbox(t('settings.findable_email'), { checked: me.findableByEmail });
  const byPhone = checkbox(t('settings.findable_phone'), { checked: me.findableByPhone });
  const sessions = h('ul', { class: 'sessions' });
  const current = field(t('settings.current_password'), { type: 'password', autocomplete: 'current-password' });
  const next = field(t('settings.new_password'), { type: 'password', autocomplete: 'new-password', minlength: '8' });
  const endOthers = checkbox(t('settings.end_other_sessions'), {});

  async function loadSessions() {
    await attempt(alert, async () => {
      const answer = await api('GET', '/sessions');
      const others = answer.sessions.filter((s) => !s.current);
      fill(sessions, answer.sessions.map((s) => h('li', { class: 'session', dataset: { current: String(s.current) } },
        h('span', { class: 'session-main' }, h('strong', {}, s.deviceName || s.deviceId),
          h('span', { class: 'muted' }, s.current ? t('settings.this_device') : t('settings.last_used', { when: dateTime(s.lastUsedAt) }))),
        s.current ? null : labelled(smallButton(t('settings.sign_out_device'),
          () => attempt(alert, () => api('DELETE', `/sessions/${encodeURIComponent(s.id)}`)).then(loadSessions)),
        t('settings.sign_out_named', { device: s.deviceName || s.deviceId })))),
      others.length ? h('li', {}, smallButton(t('settings.sign_out_others'), () => attempt(alert, async () => {
        for (const s of others) await api('DELETE', `/sessions/${encodeURIComponent(s.id)}`);
      }).then(loadSessions), 'danger')) : null);
    });
  }

  const profile = h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    saved.textContent = '';
    const ok = await attempt(alert, async () => {
      const account = await api('PATCH', '/me', { displayName: display.input.value.trim(), email: email.input.value.trim(),
        phone: phone.input.value.trim(), findableByEmail: byEmail.input.checked, findableByPhone: byPhone.input.checked });
      Object.assign(store.me, account);
      store.users.set(account.id, account);
      store.changed('users');
    });
    if (ok) saved.textContent = t('settings.saved');
  } }, h('h2', {}, t('settings.profile')), h('p', { class: 'muted' }, t('settings.username_is', { username: me.username })),
  display.el, email.el, phone.el, byEmail.el, byPhone.el, h('button', { type: 'submit', class: 'primary' }, t('common.save')));

  const password = h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    saved.textContent = '';
    const ok = await attempt(alert, () => api('POST', '/me/password', { currentPassword: current.input.value,
      newPassword: next.input.value, endOtherSessions: endOthers.input.checked }));
    if (ok) {
      saved.textContent = t('settings.password_changed');
      current.input.value = '';
      next.input.value = '';
      loadSessions();
    }
  } }, h('h2', {}, t('settings.password')), current.el, next.el, endOthers.el,
  h('button', { type: 'submit', class: 'primary' }, t('settings.change_password')));

  const el = h('section', { class: 'page' },
    h('header', { class: 'pane-head' }, h('h1', {}, t('settings.title'))), alert, saved,
    h('div', { class: 'card' }, h('h2', {}, t('settings.language')), languagePicker(app)),
    profile,
    h('div', { class: 'card' }, h('h2', {}, t('settings.sessions')), h('p', { class: 'muted' }, t('settings.sessions_hint')), sessions),
    password,
    h('div', { class: 'card' }, h('button', { type: 'button', class: 'danger sign-out', onclick: () => app.signOut() }, t('settings.sign_out'))));
  return { el, mounted: loadSessions };
}
