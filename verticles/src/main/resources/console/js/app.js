// Boot, session, routing and the live feed. Views render from `store`; the feed and actions update it.
import { api, liveFeed, whenSignedOut } from './api.js';
import { h, clear } from './dom.js';
import { t } from '../i18n/pt-BR.js';
import { renderLogin } from './login.js';
import { renderInbox, refreshList } from './inbox.js';
import { renderConversation, refreshConversation } from './conversation.js';
import { renderOps } from './ops.js';

export const store = {
  me: null,
  rows: new Map(), // key -> conversation row (as listed by the API, updated by the feed)
  owners: new Map(), // key -> {at, actor} of the last take-over
  filters: { search: '', state: '', channel: '', tenant: '', mine: false, unread: false },
  open: null, // key of the conversation in view
  live: false,
};

let feed = null;

export function announce(text) {
  const el = document.getElementById('announcer');
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 50);
}

function seenKey() {
  return `sb.console.seen.${store.me?.actor}`;
}

export function seen() {
  try { return JSON.parse(localStorage.getItem(seenKey()) || '{}'); } catch { return {}; }
}

export function markSeen(key, at) {
  const all = seen();
  all[key] = at;
  localStorage.setItem(seenKey(), JSON.stringify(all));
}

/** The owner of a conversation with a person: the actor of its last move to HUMAN or of the last claim. */
const ownerReads = new Map(); // key -> the audit read in flight

export async function ownerOf(row) {
  if (row.state !== 'HUMAN') return null;
  const cached = store.owners.get(row.key);
  if (cached && cached.at === row.lastActivityAt) return cached.actor;
  if (!ownerReads.has(row.key)) {
    ownerReads.set(row.key, api.audit(row.key).then((audit) => {
      // Moved to a person (hand-off or the customer's request), or claimed by another person since.
      const last = [...audit.items].reverse().find((a) => a.to === 'HUMAN'
        && (a.from !== 'HUMAN' || a.trigger === 'AGENT_CLAIM'));
      store.owners.set(row.key, { at: row.lastActivityAt, actor: last ? last.actor : null });
      return last ? last.actor : null;
    }).finally(() => ownerReads.delete(row.key)));
  }
  return ownerReads.get(row.key);
}

async function loadRows() {
  const lists = await Promise.all(store.me.tenants.map((tenant) => api.conversations(tenant)));
  store.rows.clear();
  lists.flatMap((l) => l.items).forEach((row) => store.rows.set(row.key, row));
}

function onActivity(event) {
  const before = store.rows.get(event.key);
  store.rows.set(event.key, { ...before, ...event });
  if (event.key !== store.open) announce(t('live.activity', { contact: event.contact }));
  refreshList();
  if (event.key === store.open) refreshConversation(before?.state !== event.state, true);
}

function renderTopbar() {
  const bar = clear(document.getElementById('topbar'));
  bar.hidden = false;
  const role = t(`role.${store.me.role}`);
  const admin = store.me.role === 'admin' || store.me.role === 'operator';
  bar.append(
    h('span', { class: 'brand' }, 'Switchboard', h('small', {}, ' console')),
    h('nav', { 'aria-label': t('nav.main') },
      h('a', { href: '#/inbox', id: 'nav-inbox' }, t('nav.inbox')),
      admin ? h('a', { href: '#/ops', id: 'nav-ops' }, t('nav.ops')) : null),
    h('span', { class: 'live', id: 'live-status', 'data-on': String(store.live) },
      store.live ? t('live.on') : t('live.off')),
    h('span', { class: 'who', id: 'who' }, t('user.signedInAs', { name: store.me.username || store.me.actor, role })),
    h('button', { type: 'button', class: 'ghost', id: 'logout', onclick: logout }, t('user.logout')));
}

function setLive(on) {
  store.live = on;
  const el = document.getElementById('live-status');
  if (el) {
    el.dataset.on = String(on);
    el.textContent = on ? t('live.on') : t('live.off');
  }
  // After a reconnect, whatever happened while the feed was down is read again.
  if (on && store.me) loadRows().then(refreshList).catch(() => {});
}

async function logout() {
  await api.logout().catch(() => {});
  signedOut();
}

function signedOut() {
  feed?.close();
  feed = null;
  store.me = null;
  store.rows.clear();
  document.getElementById('topbar').hidden = true;
  renderLogin(document.getElementById('main'), started);
}

export async function started() {
  store.me = await api.me();
  renderTopbar();
  await loadRows();
  feed = liveFeed(onActivity, setLive);
  route();
}

function route() {
  if (!store.me) return;
  const main = document.getElementById('main');
  const hash = location.hash || '#/inbox';
  document.querySelectorAll('nav a').forEach((a) => a.toggleAttribute('aria-current', hash.startsWith(a.hash)));
  if (hash.startsWith('#/ops')) {
    store.open = null;
    renderOps(clear(main));
  } else {
    const match = hash.match(/^#\/c\/(.+)$/);
    store.open = match ? decodeURIComponent(match[1]) : null;
    if (!main.querySelector('.inbox')) renderInbox(clear(main));
    else refreshList();
    renderConversation(document.getElementById('conversation'));
  }
}

// The page's own static texts come from the one text file too.
document.querySelector('.skip').textContent = t('app.skip');
document.title = t('app.title');
window.addEventListener('hashchange', route);
whenSignedOut(() => {
  if (store.me) {
    announce(t('error.session'));
    signedOut();
  }
});
api.me().then(() => started()).catch(() => renderLogin(document.getElementById('main'), started));
