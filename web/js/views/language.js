import { h } from '../dom.js';
import { LANGUAGES, language, t } from '../i18n.js';

/** A labelled select that switches the language at once, in every tab. */
export function languagePicker(app) {
  const id = 'language-picker';
  const select = h('select', { id, class: 'language', dataset: { key: 'language' }, onchange: () => app.setLanguage(select.value) },
    LANGUAGES.map((lang) => h('option', { value: lang, selected: lang === language() }, t(`language.${lang}`))));
  return h('span', { class: 'language-field' }, h('label', { for: id, class: 'sr-only' }, t('settings.language')), select);
}
