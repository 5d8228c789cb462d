// Building DOM without markup: every piece of text becomes a text node, so nothing a user typed is
// ever parsed as HTML. Links are made only for http, https and mailto addresses.

/** An element: h('button', {class: 'x', onclick: f, 'aria-label': '…'}, child, 'text', [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = true;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  add(el, children);
  return el;
}

function add(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces the children of el. When the focus was on a child with a data-key, the new child with the
 * same key gets it back, so redrawing a list (a message arrived, someone came online) never throws a
 * keyboard user out of it.
 */
export function fill(el, ...children) {
  const active = document.activeElement;
  const key = active && active !== el && el.contains(active) ? active.dataset?.key : null;
  el.replaceChildren();
  add(el, children);
  if (key) focusKey(el, key);
  return el;
}

/** Focuses the element with this data-key inside root; false when there is none. */
export function focusKey(root, key) {
  const again = root.querySelector(`[data-key="${CSS.escape(key)}"]`);
  again?.focus({ preventScroll: false });
  return Boolean(again);
}

const LINK = /(?:https?:\/\/|mailto:)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}>]+$/;

/** The href to use for a link, or null when it is not an http, https or mailto URL. */
export function safeHref(text) {
  try {
    const url = new URL(text);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Message text as nodes: plain text, with http(s)/mailto addresses made into links. */
export function richText(text) {
  const out = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].replace(TRAILING, '');
    const href = safeHref(raw);
    if (!href) continue;
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push(h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, raw));
    last = match.index + raw.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A round badge with the first letter of a name; colour picked from the name. */
export function avatar(name, extra) {
  const text = (name || '?').trim();
  const letter = Array.from(text)[0]?.toUpperCase() || '?';
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return h('span', { class: `avatar c${hash % 8} ${extra || ''}`, 'aria-hidden': 'true' }, letter);
}

/** A form field: label + input (ids tie them together for screen readers). */
let fieldCounter = 0;
export function field(label, attrs) {
  const id = `f${++fieldCounter}`;
  const input = h(attrs.tag || 'input', { ...attrs, tag: undefined, id });
  return { input, el: h('div', { class: 'field' }, h('label', { for: id }, label), input) };
}

/** A checkbox with its label. */
export function checkbox(label, attrs) {
  const id = `f${++fieldCounter}`;
  const input = h('input', { type: 'checkbox', ...attrs, id });
  return { input, el: h('div', { class: 'check' }, input, h('label', { for: id }, label)) };
}

const ICONS = {
  chats: 'M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z',
  contacts: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9c0-3.3 3.1-6 7-6s7 2.7 7 6v1H2zm15-9a3 3 0 1 0 0-6v6zm1 3c2.5.4 4 2.3 4 4.5V21h-3v-1c0-2.2-.4-4.4-1-6z',
  rooms: 'M10 3 8.5 21M15.5 3 14 21M4 8.5h17M3 15.5h17',
  settings: 'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zm8.5 4.7v-2.4l-2.4-.6-.6-1.5 1.3-2.1-1.7-1.7-2.1 1.3-1.5-.6L13.2 3h-2.4l-.6 2.4-1.5.6-2.1-1.3-1.7 1.7 1.3 2.1-.6 1.5-2.4.6v2.4l2.4.6.6 1.5-1.3 2.1 1.7 1.7 2.1-1.3 1.5.6.6 2.4h2.4l.6-2.4 1.5-.6 2.1 1.3 1.7-1.7-1.3-2.1.6-1.5z',
};

/** A small line icon (decorative: hidden from screen readers, the label says what it is). */
export function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon icon-${name}`);
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}
