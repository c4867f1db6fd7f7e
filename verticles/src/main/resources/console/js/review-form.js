// The correction form of an integration waiting for review: one input per field of its extracted data (and per
// field its schema errors name), pre-filled and editable, sent to /resolve. A 422's errors are shown next to the
// fields they name; the rest above the button. The console does not have the tenant's schema, so the fields come
// from the record itself.
import { api } from './api.js';
import { h } from './dom.js';
import { t } from '../i18n/pt-BR.js';

/** The field's name in pt-BR when the console knows it, else as the schema names it. */
export function fieldLabel(name) {
  const label = t(`field.${name}`, {}, name);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Field names a schema error names: "$.date: ..." or "$: required property 'phone' not found". */
function namedIn(error) {
  const names = [];
  const path = error.match(/^\$\.([\w-]+)/);
  if (path) names.push(path[1]);
  for (const m of error.matchAll(/property '([\w-]+)'/g)) names.push(m[1]);
  return names;
}

/** The typed value for what was typed: numbers and booleans stay so, objects and arrays are edited as JSON. */
function parsed(text, original) {
  if (typeof original === 'number' && text !== '' && !Number.isNaN(Number(text))) return Number(text);
  if (typeof original === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if (original !== null && typeof original === 'object') {
    try { return JSON.parse(text); } catch { return text; }
  }
  return text;
}

/** `on.resolved()` after a 2xx, `on.refused(text)` after a 422 or an error, `on.stale(text)` after a 409. */
export function reviewForm(record, on) {
  const data = record.data || {};
  const names = [...new Set([...Object.keys(data), ...record.errors.flatMap(namedIn)])];
  const inputs = new Map();
  const errorOf = new Map();
  const general = h('ul', { class: 'error', id: 'review-form-errors', role: 'alert' });
  const rows = names.map((name) => {
    const id = `review-field-${name}`;
    const value = data[name];
    const input = h('input', { id, name, autocomplete: 'off', 'aria-describedby': `${id}-error`,
      value: value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value) });
    const error = h('span', { class: 'field-error', id: `${id}-error` });
    inputs.set(name, input);
    errorOf.set(name, error);
    return h('div', { class: 'field' }, h('label', { for: id }, fieldLabel(name)), input, error);
  });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'review-submit' }, t('review.submit'));
  const form = h('form', { class: 'review-form', id: 'review-form', 'aria-labelledby': 'review-form-h', novalidate: true },
    h('h4', { id: 'review-form-h' }, t('review.formHeading')),
    h('p', { class: 'meta' }, t('review.formHelp')),
    h('div', { class: 'review-fields' }, rows), general, h('div', { class: 'actions' }, submit));

  const showErrors = (errors) => {
    let first = null;
    for (const error of errors) {
      const named = namedIn(error).filter((n) => inputs.has(n));
      if (named.length === 0) general.append(h('li', {}, error));
      for (const n of named) {
        errorOf.get(n).textContent = errorOf.get(n).textContent ? `${errorOf.get(n).textContent}; ${error}` : error;
        inputs.get(n).setAttribute('aria-invalid', 'true');
        first = first || inputs.get(n);
      }
    }
    (first || submit).focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    general.replaceChildren();
    errorOf.forEach((el) => { el.textContent = ''; });
    inputs.forEach((el) => el.removeAttribute('aria-invalid'));
    // An emptied field is left out: the schema then says whether it may be missing.
    const corrected = {};
    inputs.forEach((input, name) => {
      const text = input.value.trim();
      if (text !== '') corrected[name] = parsed(text, data[name]);
    });
    submit.disabled = true;
    let ok = false;
    try {
      await api.resolveIntegration(record.id, corrected);
      ok = true;
    } catch (err) {
      submit.disabled = false;
      if (err.status === 422) {
        const errors = err.body?.errors || [err.message];
        on.refused(t('review.invalid', { n: errors.length }));
        showErrors(errors);
      } else if (err.status === 409) {
        await on.stale(t('review.conflict', { detail: err.message }));
      } else {
        on.refused(t('error.generic', { detail: err.message }));
      }
    }
    if (ok) await on.resolved();
  });
  return form;
}
