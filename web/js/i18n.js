// Every visible string comes from /i18n/<lang>.json through t(). The language is detected from the
// browser the first time and can be switched at any moment; the choice is kept in localStorage.

export const LANGUAGES = ['en', 'zh'];
const STORAGE_KEY = 'confab.lang';
let current = 'en';
let table = {};
const listeners = new Set();

export function detectLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** Loads a language and tells every listener (views re-render). */
export async function setLanguage(lang, persist = true) {
  if (!LANGUAGES.includes(lang)) lang = 'en';
  const res = await fetch(`/i18n/${lang}.json`);
  if (!res.ok) throw new Error(`translation ${lang}: ${res.status}`);
  table = await res.json();
  current = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('app.title');
  if (persist) localStorage.setItem(STORAGE_KEY, lang);
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

export function language() {
  return current;
}

/** The locale for dates and numbers. */
export function locale() {
  return current === 'zh' ? 'zh-CN' : 'en-GB';
}

/** The string for key, with {name} placeholders filled from params. */
export function t(key, params) {
  let text = table[key];
  if (text === undefined) {
    console.warn('missing translation', current, key);
    text = key;
  }
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
  return text;
}

export function has(key) {
  return table[key] !== undefined;
}

/** A server error code (or a client one: network, offline, timeout) in the user's language. */
export function errorText(error) {
  const code = error && error.code;
  if (code && has(`error.${code}`)) return t(`error.${code}`);
  const status = error && error.status;
  if (status >= 500) return t('error.server');
  if (status >= 400) return t('error.request');
  return t('error.unknown');
}
