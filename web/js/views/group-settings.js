// A group's or room's settings on its details page (protocol 8.3, 8.4): everyone reads who may invite
// and what newcomers can read; the owner and admins edit the name, the description (groups) or topic
// (rooms), the invite policy (groups; it has no effect in rooms) and the history newcomers get.
import { api } from '../api.js';
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { attempt } from './people.js';

const POLICIES = ['ADMINS', 'MEMBERS'];
const HISTORIES = ['ALL', 'FROM_JOIN', 'LAST_N'];
const DEFAULT_LAST_N = 50;
const MAX_LAST_N = 100000;

/** One line each on who may invite (groups) and what people who join can read. */
export function settingsSummary(details) {
  const history = details.history === 'LAST_N'
    ? t('info.history_last_n_summary', { count: details.historyLastN }) : t(`history.${details.history}`);
  return [
    details.kind === 'GROUP' ? h('p', { class: 'muted summary-policy' },
      t('info.invite_summary', { policy: t(`policy.${details.invitePolicy}`) })) : null,
    h('p', { class: 'muted summary-history' }, t('info.history_summary', { history })),
  ];
}

function select(label, name, values, current, text) {
  const id = `settings-${name}`;
  const input = h('select', { id, name }, values.map((v) => h('option', { value: v, selected: v === current }, text(v))));
  return { input, el: h('div', { class: 'field' }, h('label', { for: id }, label), input) };
}

/**
 * The edit form for the owner and admins, with its own error and status lines beside the button. Only
 * the fields that changed are sent, so the notice the members see names what really changed; onSaved
 * gets the details as the server now has them, which are then what the next edit compares with.
 */
export function settingsForm(start, onSaved) {
  let details = start;
  const id = details.id;
  const group = details.kind === 'GROUP';
  const textKey = group ? 'description' : 'topic';
  const title = field(t('info.name'), { name: 'title', value: details.title, required: true, maxlength: '100' });
  const text = field(t(`info.${textKey}`), { tag: 'textarea', name: textKey, value: details[textKey] || '',
    maxlength: '1000', rows: '2' });
  const policy = group ? select(t('info.invite_policy'), 'invitePolicy', POLICIES, details.invitePolicy,
    (v) => t(`policy.${v}`)) : null;
  const history = select(t('info.history'), 'history', HISTORIES, details.history, (v) => t(`history.${v}`));
  const lastN = field(t('info.history_last_n'), { name: 'historyLastN', type: 'number', min: '1',
    max: String(MAX_LAST_N), value: String(details.historyLastN || DEFAULT_LAST_N) });
  const saved = h('p', { class: 'ok', role: 'status' });
  const alert = h('p', { class: 'error', role: 'alert' });
  const showLastN = () => { lastN.el.hidden = history.input.value !== 'LAST_N'; };
  history.input.addEventListener('change', showLastN);
  showLastN();

  function changes() {
    const out = {};
    if (title.input.value.trim() !== details.title) out.title = title.input.value.trim();
    if (text.input.value.trim() !== (details[textKey] || '')) out[textKey] = text.input.value.trim();
    if (policy && policy.input.value !== details.invitePolicy) out.invitePolicy = policy.input.value;
    if (history.input.value !== details.history) out.history = history.input.value;
    const n = Number(lastN.input.value);
    if (history.input.value === 'LAST_N' && (out.history || n !== details.historyLastN)) {
      out.history = 'LAST_N';
      out.historyLastN = Number.isInteger(n) ? n : 0;
    }
    return out;
  }

  // novalidate: the server's refusal, in the page's language, explains a bad value.
  const form = h('form', { class: 'card settings-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    saved.textContent = '';
    const body = changes();
    if (!Object.keys(body).length) {
      saved.textContent = t('info.nothing_changed');
      return;
    }
    let now = null;
    const ok = await attempt(alert, async () => { now = await api('PATCH', `/conversations/${id}`, body); });
    if (!ok) return;
    details = now;
    saved.textContent = t('info.saved');
    onSaved(now);
  } },
  h('h2', {}, t('info.settings')), title.el, text.el, policy?.el, history.el, lastN.el,
  h('p', { class: 'muted' }, t('info.history_note')), alert, saved,
  h('button', { type: 'submit', class: 'primary' }, t('info.save_settings')));
  return form;
}
