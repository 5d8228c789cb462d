// Pieces shared by the contact, group and room screens.
import { h, avatar } from '../dom.js';
import { t, errorText } from '../i18n.js';

/** A person row: avatar with presence dot, name, username, and the given buttons. */
export function personRow(store, user, buttons, extra) {
  const presence = store.presence.get(user.id);
  // Keys let a redrawn list give the focus back to the same button of the same person.
  buttons.filter(Boolean).forEach((b, i) => {
    if (b instanceof HTMLElement && !b.dataset.key) b.dataset.key = `person-${user.id}-${i}`;
  });
  const name = store.name(user.id) || user.username;
  return h('li', { class: 'person', dataset: { user: user.id, username: user.username } },
    h('span', { class: 'avatar-wrap' }, avatar(name),
      presence ? h('span', { class: `presence ${presence.online ? 'on' : 'off'}`,
        title: t(presence.online ? 'presence.online' : 'presence.offline') }) : null),
    h('span', { class: 'person-main' }, h('span', { class: 'person-name' }, name),
      h('span', { class: 'person-sub' }, `@${user.username}`, extra ? ' · ' : '', extra || '')),
    h('span', { class: 'person-actions' }, buttons));
}

/** A button that asks for a second click (within 4 s; Escape cancels) before doing something that cannot be undone. */
export function confirmButton(label, confirmLabel, action) {
  let armed = null;
  const disarm = () => {
    clearTimeout(armed);
    armed = null;
    button.textContent = label;
  };
  const button = h('button', { type: 'button', class: 'small danger', onclick: async () => {
    if (!armed) {
      armed = setTimeout(disarm, 4000);
      button.textContent = confirmLabel;
      return;
    }
    clearTimeout(armed);
    button.disabled = true;
    await action();
  }, onkeydown: (e) => {
    if (e.key === 'Escape' && armed) {
      e.preventDefault();
      disarm();
    }
  } }, label);
  return button;
}

/** Runs an action, showing its error (translated) in the alert element; returns true on success. */
export async function attempt(alert, action) {
  alert.textContent = '';
  try {
    await action();
    return true;
  } catch (e) {
    alert.textContent = errorText(e);
    return false;
  }
}

export function smallButton(label, onclick, cls) {
  return h('button', { type: 'button', class: `small ${cls || ''}`, onclick }, label);
}
