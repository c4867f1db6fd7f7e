// Integrations needing review (operations page): the mail the automations could not finish — waiting for a person
// (REQUIRES_REVIEW) or stopped by a failed step (FAILED). Open one to read the mail, the extracted fields, the schema
// errors and the step log; then resolve it with corrected fields or retry it. All through /admin/v1/integrations.
import { api } from './api.js';
import { h, clear, when } from './dom.js';
import { t } from '../i18n/pt-BR.js';
import { store, announce } from './app.js';
import { reviewForm, fieldLabel } from './review-form.js';

const NEEDING_A_PERSON = ['REQUIRES_REVIEW', 'FAILED'];
const SETTLED = ['INTEGRATED', 'REQUIRES_REVIEW', 'FAILED'];
let section = null;
let follow = null; // the timer following a record after an action, until it settles
let current = null; // the id of the record in view

function markCurrent() {
  document.querySelectorAll('#review-table tr[data-id]').forEach((tr) =>
    tr.toggleAttribute('aria-current', tr.dataset.id === current));
}

export function renderIntegrations(box) {
  section = box;
  current = null;
  clearTimeout(follow);
  box.append(h('p', { class: 'muted' }, t('review.intro')),
    h('div', { id: 'review-list' }),
    h('div', { id: 'review-detail' }),
    // Outcomes of resolve and retry, read out as they happen (the element exists before its text changes).
    h('p', { id: 'review-status', role: 'status', class: 'review-status' }));
  return loadList();
}

/** The outcome of an action, shown under the section and read out; `failed` shows it as an error. */
function reportStatus(text, failed = false) {
  const el = document.getElementById('review-status');
  el.textContent = text;
  el.classList.toggle('failed', failed);
  announce(text);
}

async function loadList() {
  const lists = await Promise.all(store.me.tenants.flatMap((tenant) => NEEDING_A_PERSON.map((status) =>
    api.integrations(tenant, status).then((r) => r.items).catch(() => []))));
  const items = lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const box = document.getElementById('review-list');
  if (!box) return;
  clear(box);
  if (items.length === 0) {
    box.append(h('p', { class: 'muted', id: 'review-empty' }, t('review.empty')));
    return;
  }
  box.append(h('table', { id: 'review-table' },
    h('caption', { class: 'sr-only' }, t('review.caption', { n: items.length })),
    h('thead', {}, h('tr', {}, [t('review.col.status'), t('ops.col.tenant'), t('review.col.subject'),
      t('review.col.sender'), t('review.col.automation'), t('review.col.received'), t('review.col.reason'), '']
      .map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, items.map((r) => h('tr', { dataset: { id: r.id, status: r.status } },
      h('td', {}, statusBadge(r.status)), h('td', {}, r.tenant), h('td', {}, r.subject || t('review.noSubject')),
      h('td', {}, r.contact || '—'), h('td', {}, r.automation || '—'), h('td', {}, when(r.createdAt)),
      h('td', { class: 'reason' }, r.errors.length ? r.errors[0] : '—',
        r.errors.length > 1 ? h('span', { class: 'meta' }, ` ${t('review.more', { n: r.errors.length - 1 })}`) : ''),
      h('td', {}, h('button', { type: 'button', class: 'open-integration',
        'aria-label': t('review.openLabel', { subject: r.subject || r.id }),
        onclick: () => openRecord(r.id) }, t('review.open'))))))));
  markCurrent();
}

function statusBadge(status) {
  return h('span', { class: `badge integration-${status}`, dataset: { status } }, t(`integration.${status}`));
}

/** Shows one record; `focus` moves the keyboard to its heading (after a click, not after a background refresh). */
export async function openRecord(id, focus = true) {
  let record;
  try {
    record = await api.integration(id);
  } catch (e) {
    reportStatus(t('error.generic', { detail: e.message }));
    return;
  }
  const box = clear(document.getElementById('review-detail'));
  const mail = record.source || {};
  const heading = h('h3', { id: 'review-detail-h', tabindex: '-1' }, t('review.detail', {
    subject: mail.subject || record.subject || t('review.noSubject') }));
  box.append(h('article', { class: 'review-detail', 'aria-labelledby': 'review-detail-h', dataset: { id } },
    h('div', { class: 'review-head' }, heading,
      h('span', { id: 'review-record-status' }, statusBadge(record.status))),
    h('dl', { class: 'facts' },
      fact(t('review.col.sender'), mail.fromName ? `${mail.fromName} <${mail.from}>` : mail.from || record.contact),
      fact(t('review.col.received'), when(mail.sentAt || record.createdAt)),
      fact(t('review.col.automation'), record.automation || '—'), fact(t('review.id'), record.id, 'mono')),
    h('h4', {}, t('review.mail')),
    mail.unparseable ? h('p', { class: 'error' }, t('review.unparseable', { reason: mail.unparseable }))
      : h('pre', { class: 'mail-text', id: 'review-mail-text' }, mail.text || t('review.noText')),
    (mail.attachments || []).length ? h('ul', { class: 'meta' }, mail.attachments.map((a) =>
      h('li', {}, t('review.attachment', { name: a.name, size: a.size })))) : null,
    h('div', { class: 'review-columns' },
      h('div', {}, h('h4', {}, t('review.fields')), fields(record.data)),
      h('div', {}, h('h4', {}, t('review.errors')), record.errors.length
        ? h('ul', { id: 'review-errors', class: 'errors' }, record.errors.map((e) => h('li', {}, e)))
        : h('p', { class: 'muted' }, t('review.noErrors')))),
    h('h4', {}, t('review.log')), stepLog(record.log),
    action(record)));
  current = id;
  markCurrent();
  if (focus) heading.focus();
  if (!SETTLED.includes(record.status)) {
    clearTimeout(follow);
    follow = setTimeout(() => openRecord(id, false).then(() => {
      if (section?.isConnected) loadList();
    }), 1000);
  }
}

function fact(name, value, cls) {
  return [h('dt', {}, name), h('dd', { class: cls }, value || '—')];
}

function fields(data) {
  const names = Object.keys(data || {});
  if (names.length === 0) return h('p', { class: 'muted' }, t('review.noFields'));
  return h('dl', { class: 'facts', id: 'review-fields' }, names.flatMap((n) => fact(fieldLabel(n),
    typeof data[n] === 'object' ? JSON.stringify(data[n]) : String(data[n]))));
}

function stepLog(log) {
  if (!log || log.length === 0) return h('p', { class: 'muted' }, t('review.noLog'));
  return h('table', { id: 'review-log' }, h('thead', {}, h('tr', {}, [t('review.col.step'), t('review.col.type'),
    t('review.col.attempt'), t('review.col.when'), t('review.col.outcome'), t('review.col.error')]
    .map((x) => h('th', { scope: 'col' }, x)))),
  h('tbody', {}, log.map((e) => h('tr', {}, h('td', {}, e.step + 1), h('td', { class: 'mono' }, e.stepType),
    h('td', {}, e.attempt), h('td', {}, when(e.at)), h('td', {}, t(`outcome.${e.outcome}`, {}, e.outcome)),
    h('td', {}, e.error || e.externalId || '—')))));
}

function action(record) {
  if (record.status === 'REQUIRES_REVIEW') {
    return reviewForm(record, {
      resolved: async () => {
        reportStatus(t('review.resolved'));
        await afterAction(record.id);
      },
      refused: (text) => reportStatus(text, true),
      // Someone else resolved or changed it meanwhile: show it as it is now.
      stale: (text) => {
        reportStatus(text, true);
        return afterAction(record.id);
      },
    });
  }
  if (record.status !== 'FAILED') return null;
  if (record.source?.unparseable) return h('p', { class: 'muted' }, t('review.cannotRetry'));
  const button = h('button', { type: 'button', class: 'primary', id: 'review-retry', onclick: async () => {
    button.disabled = true;
    try {
      await api.retryIntegration(record.id);
      reportStatus(t('review.retried'));
    } catch (e) {
      reportStatus(t('review.retryRefused', { detail: e.message }), true);
    }
    await afterAction(record.id);
  } }, t('review.retry'));
  return h('div', { class: 'actions' }, button);
}

async function afterAction(id) {
  await openRecord(id);
  await loadList();
}
