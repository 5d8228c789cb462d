// Signing in and creating an account. The login asks the server to keep the session in an HttpOnly
// cookie ("useCookie"), so the page never sees the token.
import { api } from '../api.js';
import { h, field } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { languagePicker } from './language.js';

const DEVICE_KEY = 'confab.deviceId';

/** This browser's device id: made once, sent on every login, so resends stay idempotent (protocol 2.3). */
export function deviceId() {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    id = `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

function deviceName() {
  return `Web · ${navigator.platform || 'browser'}`.slice(0, 64);
}

export function authView(app, mode, startupError) {
  const register = mode === 'register';
  const alert = h('p', { class: 'error', role: 'alert' }, startupError ? errorText(startupError) : '');
  const username = field(t('auth.username'), { name: 'username', autocomplete: 'username', required: true,
    minlength: 3, maxlength: 32 });
  const password = field(t('auth.password'), { name: 'password', type: 'password', required: true, minlength: 8,
    autocomplete: register ? 'new-password' : 'current-password' });
  const extra = register ? [
    field(t('auth.display_name'), { name: 'displayName', autocomplete: 'name', maxlength: 64 }),
    field(t('auth.email'), { name: 'email', type: 'email', autocomplete: 'email' }),
    field(t('auth.phone'), { name: 'phone', type: 'tel', autocomplete: 'tel' }),
  ] : [];
  const submit = h('button', { type: 'submit', class: 'primary' }, t(register ? 'auth.create_account' : 'auth.sign_in'));
  const form = h('form', { class: 'card auth-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    alert.textContent = '';
    submit.disabled = true;
    try {
      if (register) {
        const body = { username: username.input.value.trim(), password: password.input.value };
        for (const f of extra) if (f.input.value.trim()) body[f.input.name] = f.input.value.trim();
        await api('POST', '/accounts', body);
      }
      const login = await api('POST', '/sessions', { username: username.input.value.trim(),
        password: password.input.value, deviceId: deviceId(), deviceName: deviceName(), useCookie: true });
      await app.signedIn(login.account);
    } catch (err) {
      alert.textContent = errorText(err);
      submit.disabled = false;
    }
  } },
  h('h1', {}, t(register ? 'auth.register_title' : 'auth.login_title')),
  h('p', { class: 'muted' }, t(register ? 'auth.register_hint' : 'auth.login_hint')),
  username.el, password.el, extra.map((f) => f.el), alert, submit,
  h('p', {}, h('a', { href: register ? '#/login' : '#/register' }, t(register ? 'auth.have_account' : 'auth.no_account'))));
  const el = h('div', { class: 'auth' },
    h('header', { class: 'auth-head' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'C'),
      h('strong', {}, t('app.title')), languagePicker(app)),
    h('main', {}, form));
  return { el, mounted: () => username.input.focus() };
}
