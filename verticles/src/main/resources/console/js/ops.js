// Operations (admins): today's numbers per tenant, dead letters with replay, schedules and their last run,
// operators, and the integrations needing review.
import { api } from './api.js';
import { h, clear, when } from './dom.js';
import { t } from '../i18n/pt-BR.js';
import { store, announce } from './app.js';
import { renderOperators } from './operators.js';
import { renderIntegrations } from './integrations.js';

export function renderOps(main) {
  document.title = `${t('ops.heading')} · ${t('app.title')}`;
  if (store.me.role === 'agent') {
    main.append(h('p', { class: 'error', role: 'alert' }, t('ops.adminOnly')));
    return;
  }
  const section = (id, title) => h('section', { class: 'card ops-section', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, title), h('div', { id }));
  main.append(h('div', { class: 'ops' },
    h('h1', { tabindex: '-1', id: 'ops-heading' }, t('ops.heading')),
    section('ops-today', t('ops.today')),
    section('ops-dead', t('ops.dead')),
    section('ops-schedules', t('ops.schedules')),
    section('ops-operators', t('ops.operators')),
    // Mail the automations could not finish: only admins get here, and only they may resolve or retry (RolePolicy).
    h('section', { class: 'card ops-section', id: 'ops-review', 'aria-labelledby': 'ops-review-h' },
      h('h2', { id: 'ops-review-h' }, t('ops.review')))));
  main.querySelector('#ops-heading').focus();
  today();
  deadLetters();
  schedules();
  renderOperators(document.getElementById('ops-operators')).catch(() => {});
  renderIntegrations(document.getElementById('ops-review'));
}

function table(headers, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows));
}

async function today() {
  const results = await Promise.all(store.me.tenants.map((tenant) => api.today(tenant)
    .then((r) => r.items.map((i) => ({ tenant, ...i }))).catch(() => [])));
  const rows = results.flat();
  const box = clear(document.getElementById('ops-today'));
  if (rows.length === 0) {
    box.append(h('p', { class: 'muted' }, t('ops.todayEmpty')));
    return;
  }
  box.append(table([t('ops.col.tenant'), t('ops.col.channel'), t('ops.col.conversations'), t('ops.col.in'),
    t('ops.col.out'), t('ops.col.handoffs'), t('ops.col.fallbacks'), t('ops.col.failed')],
  rows.map((r) => h('tr', {}, [r.tenant, r.channel, r.conversations, r.messagesIn, r.messagesOut, r.handoffs,
    r.aiFallbacks, r.actionsFailed].map((v) => h('td', {}, v ?? '—'))))));
}

async function deadLetters() {
  const lists = await Promise.all(store.me.tenants.map((tenant) => api.deadLetters(tenant).then((r) => r.items)));
  const items = lists.flat();
  const box = clear(document.getElementById('ops-dead'));
  if (items.length === 0) {
    box.append(h('p', { class: 'muted' }, t('ops.deadEmpty')));
    return;
  }
  const button = h('button', { type: 'button', class: 'primary', id: 'replay', onclick: async () => {
    const ids = [...box.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
    if (ids.length === 0) return;
    button.disabled = true;
    const result = await api.replay(ids).catch((e) => ({ items: [{ id: '', result: e.message }] }));
    const summary = result.items.map((i) => t(`replay.${i.result}`)).join(', ');
    announce(t('ops.replayed', { summary }));
    await deadLetters();
    document.getElementById('ops-dead').prepend(h('p', { id: 'replay-result', role: 'status' },
      t('ops.replayed', { summary })));
  } }, t('ops.replay'));
  box.append(table([t('ops.col.select'), t('ops.col.id'), t('ops.col.conversation'), t('ops.col.sender'),
    t('ops.col.reason'), t('ops.col.attempts'), t('ops.col.created')],
  items.map((d, i) => h('tr', {},
    h('td', {}, h('input', { type: 'checkbox', value: d.id, id: `dead-${i}`, 'aria-label': d.id })),
    h('td', { class: 'mono' }, d.id), h('td', {}, h('a', { href: `#/c/${encodeURIComponent(d.key)}` }, d.key)),
    h('td', {}, d.sender), h('td', {}, d.reason || '—'), h('td', {}, d.attempts), h('td', {}, when(d.createdAt))))),
  h('div', { class: 'actions' }, button));
}

async function schedules() {
  const lists = await Promise.all(store.me.tenants.map((tenant) => api.schedules(tenant)
    .then((r) => r.items).catch(() => [])));
  const items = lists.flat();
  const box = clear(document.getElementById('ops-schedules'));
  if (items.length === 0) {
    box.append(h('p', { class: 'muted' }, t('ops.schedulesEmpty')));
    return;
  }
  const runs = await Promise.all(items.map((s) => api.lastRun(s.tenant, s.id).then((r) => r.items[0])
    .catch(() => null)));
  box.append(table([t('ops.col.tenant'), t('ops.col.name'), t('ops.col.cron'), t('ops.col.next'), t('ops.col.last')],
    items.map((s, i) => h('tr', {}, h('td', {}, s.tenant), h('td', {}, s.name, s.paused ? ` (${t('ops.paused')})` : ''),
      h('td', { class: 'mono' }, `${s.cron} ${s.zone}`), h('td', {}, when(s.nextRunAt)),
      h('td', {}, runs[i] ? `${when(runs[i].startedAt)} · ${runs[i].status}` : t('ops.never'))))));
}
