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

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  add(el, children);
  return el;
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
