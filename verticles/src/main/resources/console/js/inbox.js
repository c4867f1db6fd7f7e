// The inbox: filters and the list of conversations, kept current by the live feed (no reload).
import { h, clear, when } from './dom.js';
import { t } from '../i18n/pt-BR.js';
import { store, seen, ownerOf } from './app.js';

export function renderInbox(main) {
  document.title = `${t('nav.inbox')} · ${t('app.title')}`;
  const f = store.filters;
  const select = (id, label, options, value, onchange) => h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, onchange }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  const tenants = store.me.tenants;
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': t('inbox.filters'),
    onsubmit: (e) => e.preventDefault() },
  h('div', { class: 'field grow' },
    h('label', { for: 'filter-search' }, t('inbox.search')),
    h('input', { id: 'filter-search', type: 'search', placeholder: t('inbox.searchPlaceholder'), value: f.search,
      oninput: (e) => { f.search = e.target.value; refreshList(); } })),
  select('filter-state', t('inbox.state'), [['', t('inbox.all')], ['BOT', t('state.BOT')],
    ['HUMAN', t('state.HUMAN')], ['CLOSED', t('state.CLOSED')]], f.state,
  (e) => { f.state = e.target.value; refreshList(); }),
  h('div', { class: 'field', id: 'channel-field' }),
  tenants.length > 1 ? select('filter-tenant', t('inbox.tenant'), [['', t('inbox.all')],
    ...tenants.map((x) => [x, x])], f.tenant, (e) => { f.tenant = e.target.value; refreshList(); }) : null,
  h('div', { class: 'checks' },
    h('label', {}, h('input', { type: 'checkbox', id: 'filter-mine', checked: f.mine,
      onchange: (e) => { f.mine = e.target.checked; refreshList(); } }), ' ', t('inbox.mine')),
    h('label', {}, h('input', { type: 'checkbox', id: 'filter-unread', checked: f.unread,
      onchange: (e) => { f.unread = e.target.checked; refreshList(); } }), ' ', t('inbox.unread'))));
  main.append(h('div', { class: 'inbox' },
    h('aside', { class: 'list-pane', 'aria-labelledby': 'inbox-heading' },
      h('div', { class: 'list-head' }, h('h1', { id: 'inbox-heading', tabindex: '-1' }, t('inbox.heading')),
        h('span', { id: 'inbox-count', class: 'muted' })),
      filters,
      h('ul', { id: 'conversation-list', class: 'conversations', 'aria-labelledby': 'inbox-heading' })),
    h('section', { id: 'conversation', class: 'conversation-pane', 'aria-live': 'off' })));
  refreshList();
}

function channelFilter() {
  const field = document.getElementById('channel-field');
  if (!field) return;
  const channels = [...new Set([...store.rows.values()].map((r) => r.channel))].sort();
  const current = store.filters.channel;
  clear(field).append(h('label', { for: 'filter-channel' }, t('inbox.channel')),
    h('select', { id: 'filter-channel', onchange: (e) => { store.filters.channel = e.target.value; refreshList(); } },
      h('option', { value: '' }, t('inbox.all')),
      channels.map((c) => h('option', { value: c, selected: c === current }, c))));
}

function ownerLabel(actor) {
  if (actor === store.me.actor) return t('inbox.you');
  return actor?.startsWith('agent:') ? actor.slice(6) : t('inbox.waiting');
}

function unread(row, lastSeen) {
  return row.key !== store.open && (!lastSeen[row.key] || lastSeen[row.key] < row.lastActivityAt);
}

export function refreshList() {
  const list = document.getElementById('conversation-list');
  if (!list) return;
  const f = store.filters;
  // Owners of conversations with a person come from their audit trail, read again when the row changed (all of
  // them, not only the rows shown: "assigned to me" filters on them).
  for (const r of store.rows.values()) {
    if (r.state === 'HUMAN' && store.owners.get(r.key)?.at !== r.lastActivityAt) {
      ownerOf(r).then(() => refreshList()).catch(() => {});
    }
  }
  const lastSeen = seen();
  const me = store.me.actor;
  const search = f.search.trim().toLowerCase();
  const rows = [...store.rows.values()]
    .filter((r) => !f.state || r.state === f.state)
    .filter((r) => !f.channel || r.channel === f.channel)
    .filter((r) => !f.tenant || r.tenant === f.tenant)
    .filter((r) => !search || r.contact.toLowerCase().includes(search))
    .filter((r) => !f.unread || unread(r, lastSeen))
    .filter((r) => !f.mine || store.owners.get(r.key)?.actor === me)
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  channelFilter();
  document.getElementById('inbox-count').textContent = rows.length === 1 ? t('inbox.countOne')
    : t('inbox.count', { n: rows.length });
  clear(list);
  if (rows.length === 0) list.append(h('li', { class: 'empty' }, t('inbox.empty')));
  for (const r of rows) {
    const isUnread = unread(r, lastSeen);
    const owner = store.owners.get(r.key)?.actor;
    list.append(h('li', {},
      h('a', { href: `#/c/${encodeURIComponent(r.key)}`, class: `conv-item${isUnread ? ' unread' : ''}`,
        dataset: { key: r.key, state: r.state }, 'aria-current': r.key === store.open ? 'page' : null },
      h('span', { class: 'contact' }, r.contact),
      h('span', { class: `badge state-${r.state}` }, t(`state.${r.state}`)),
      h('span', { class: 'meta' }, `${r.channel}${store.me.tenants.length > 1 ? ` · ${r.tenant}` : ''}`,
        r.state === 'HUMAN' && owner !== undefined ? ` · ${ownerLabel(owner)}` : ''),
      h('time', { datetime: r.lastActivityAt, class: 'meta' }, when(r.lastActivityAt)),
      isUnread ? h('span', { class: 'dot', title: t('inbox.unreadBadge') }, h('span', { class: 'sr-only' },
        t('inbox.unreadBadge'))) : null)));
  }
}
