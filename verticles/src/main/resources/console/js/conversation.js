// One conversation: who owns it, its history with delivery statuses, its audit trail, and the actions a person
// takes (take over, reply, hand back, close). Refreshed by the live feed when this conversation moves.
import { api, ApiError } from './api.js';
import { h, clear, when } from './dom.js';
import { t, texts } from '../i18n/pt-BR.js';
import { store, markSeen, ownerOf, announce } from './app.js';
import { refreshList } from './inbox.js';

let pane = null;
let pendingPoll = null;
const RECEIPT_WINDOW_MS = 15 * 60 * 1000;

export function renderConversation(target) {
  pane = target;
  if (!pane) return;
  clear(pane);
  if (!store.open) {
    pane.append(h('p', { class: 'pick muted' }, t('inbox.pick')));
    return;
  }
  pane.append(h('div', { class: 'conv-head', id: 'conv-head' }),
    h('ol', { class: 'messages', id: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': t('conv.history') }),
    h('div', { id: 'reply-area' }),
    h('details', { class: 'audit' }, h('summary', {}, t('conv.audit')), h('ul', { id: 'audit' })));
  // Opening a conversation moves focus to it, so a keyboard or screen-reader user lands on what they chose.
  refreshConversation(true).then(() => document.getElementById('conv-title')?.focus());
  document.title = `${store.open.split(':').slice(2).join(':')} · ${t('app.title')}`;
}

/**
 * Reads the conversation again. {@code redrawHead}: the state changed, so the header and its buttons are redrawn;
 * {@code live}: the feed reported it, so a take-over by someone else is announced.
 */
export async function refreshConversation(redrawHead = false, live = false) {
  const key = store.open;
  if (!pane || !key) return;
  let messages;
  let audit;
  try {
    [messages, audit] = await Promise.all([api.messages(key), api.audit(key)]);
  } catch (err) {
    const text = err instanceof ApiError && err.status === 403 ? t('conv.forbidden')
      : err instanceof ApiError && err.status === 404 ? t('conv.notFound')
        : t('error.generic', { detail: err.message });
    clear(pane).append(h('p', { class: 'error', role: 'alert', id: 'conv-error' }, text),
      h('a', { href: '#/inbox' }, t('conv.back')));
    return;
  }
  if (key !== store.open) return;
  const row = store.rows.get(key) || rowFromKey(key, audit);
  store.owners.set(key, undefined);
  const owner = await ownerOf(row).catch(() => null);
  const ownerBefore = document.getElementById('conv-head')?.dataset.owner;
  if (live && row.state === 'HUMAN' && owner?.startsWith('agent:') && owner !== store.me.actor
    && (redrawHead || ownerBefore !== owner)) {
    announce(t('conv.tookOverBy', { name: owner.slice(6) }));
  }
  markSeen(key, row.lastActivityAt);
  refreshList();
  const head0 = document.getElementById('conv-head');
  if (redrawHead || head0.dataset.owner !== String(owner) || !head0.firstChild) head(row, owner);
  else updateOwner(row, owner);
  history(messages.items);
  auditTrail(audit.items);
  replyArea(row);
}

function rowFromKey(key, audit) {
  const [tenant, channel, ...contact] = key.split(':');
  const last = audit.items[audit.items.length - 1];
  return { key, tenant, channel, contact: contact.join(':'), state: last ? last.to : 'BOT', lastActivityAt: '' };
}

function ownerText(row, owner) {
  if (row.state === 'CLOSED') return t('conv.closed');
  if (row.state === 'BOT') return t('conv.bot');
  if (!owner || !owner.startsWith('agent:')) return t('conv.waiting');
  return owner === store.me.actor ? t('conv.ownerYou') : t('conv.owner', { name: owner.slice(6) });
}

function updateOwner(row, owner) {
  const el = document.getElementById('conv-owner');
  if (el) el.textContent = ownerText(row, owner);
}

function head(row, owner) {
  const act = (id, label, call, cls = '') => h('button', { type: 'button', id, class: cls, onclick: async (e) => {
    e.target.disabled = true;
    try {
      const result = await call(row.key);
      store.rows.set(row.key, { ...row, state: result.state });
      await refreshConversation(true);
      document.getElementById('conv-title')?.focus();
    } catch (err) {
      announce(t('error.generic', { detail: err.message }));
      e.target.disabled = false;
    }
  } }, label);
  const box = document.getElementById('conv-head');
  box.dataset.owner = String(owner);
  clear(box).append(
    h('div', {},
      h('h2', { id: 'conv-title', tabindex: '-1' }, row.contact),
      h('p', { class: 'meta' }, `${row.channel} · ${row.tenant}`)),
    h('div', { class: 'conv-status' },
      h('span', { id: 'conv-state', class: `badge state-${row.state}`, dataset: { state: row.state } },
        t(`state.${row.state}`)),
      h('span', { id: 'conv-owner', class: 'owner' }, ownerText(row, owner))),
    h('div', { class: 'actions' },
      row.state !== 'HUMAN' || owner !== store.me.actor
        ? act('btn-takeover', t('conv.takeover'), api.takeOver, 'primary') : null,
      row.state === 'HUMAN' ? act('btn-handback', t('conv.handback'), api.handBack) : null,
      row.state !== 'CLOSED' ? act('btn-close', t('conv.close'), api.close, 'ghost') : null));
}

function statusText(m) {
  if (m.direction !== 'OUTBOUND' || !m.status) return '';
  if (m.delivery && m.delivery !== 'NONE' && m.delivery !== 'SENT') return t(`delivery.${m.delivery}`);
  return t(`status.${m.status}`);
}

function messageItem(m) {
  const out = m.direction === 'OUTBOUND';
  return h('li', { class: `msg ${out ? 'out' : 'in'}`,
    dataset: { status: m.status || '', delivery: m.delivery || '', at: m.at } },
    h('span', { class: 'sr-only' }, out ? t('conv.outbound') : t('conv.customer'), ': '),
    h('p', { class: 'text' }, m.text),
    out ? null : aiReading(m),
    h('span', { class: 'msg-meta' }, h('time', { datetime: m.at }, when(m.at)),
      out && m.status ? h('span', { class: `status status-${m.status}` }, statusText(m)) : null));
}

/**
 * Appends what is new and updates statuses in place: the list is an ARIA log, so a re-read must not make a screen
 * reader announce the whole history again (nor pull a reader who scrolled up back down).
 */
function history(items) {
  const list = document.getElementById('messages');
  let shown = [...list.querySelectorAll('li.msg')];
  if (list.dataset.conversation !== store.open || shown.length > items.length
    || (shown.length > 0 && shown[0].dataset.at !== items[0].at)) {
    clear(list);
    list.dataset.conversation = store.open;
    shown = [];
  }
  list.querySelector('.empty')?.remove();
  if (items.length === 0) list.append(h('li', { class: 'empty muted' }, t('conv.noMessages')));
  items.forEach((m, i) => {
    const li = shown[i];
    if (!li) {
      list.append(messageItem(m));
    } else if (m.status && (li.dataset.status !== m.status || li.dataset.delivery !== (m.delivery || ''))) {
      li.dataset.status = m.status;
      li.dataset.delivery = m.delivery || '';
      const status = li.querySelector('.status');
      if (status) {
        status.className = `status status-${m.status}`;
        status.textContent = statusText(m);
      }
    }
  });
  if (items.length > shown.length) list.lastElementChild?.scrollIntoView({ block: 'end' });
  // A reply still on its way: read again shortly, until the outbox has settled it. Delivery receipts (delivered,
  // read) are not on the live feed (they would cost a conversation read per receipt): while a recent message
  // awaits one, read again every 5 s.
  clearTimeout(pendingPoll);
  const unsettled = items.some((m) => ['PENDING', 'SENDING', 'RETRY'].includes(m.status));
  const awaitingReceipt = items.some((m) => m.status === 'SENT' && ['NONE', 'SENT'].includes(m.delivery)
    && Date.now() - Date.parse(m.at) < RECEIPT_WINDOW_MS);
  if (unsettled || awaitingReceipt) {
    const key = store.open;
    pendingPoll = setTimeout(() => key === store.open && refreshConversation(false), unsettled ? 1500 : 5000);
  }
}

const readings = new Map(); // tenant + time + text -> the classify answer (a promise)

/** The intent and fields of a customer's message, read by the admin AI route; filled in when it answers. */
function aiReading(m) {
  const tenant = store.open.split(':')[0];
  const id = `${tenant}|${m.at}|${m.text}`;
  if (!readings.has(id)) readings.set(id, api.classify(tenant, m.text, m.at).catch(() => null));
  const el = h('p', { class: 'ai', title: t('conv.aiTitle') });
  readings.get(id).then((r) => {
    if (!r) return;
    const label = (k) => (texts[`field.${k}`] ? t(`field.${k}`) : k);
    const value = (v) => (typeof v === 'object' ? JSON.stringify(v)
      : String(v).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1'));
    const fields = Object.entries(r.fields || {}).map(([k, v]) => `${label(k)}: ${value(v)}`);
    const intent = texts[`intent.${r.intent}`] ? t(`intent.${r.intent}`) : r.intent;
    el.append(h('span', { class: 'sr-only' }, `${t('conv.aiReading')}: `),
      h('span', { class: 'intent' }, intent), ...fields.map((f) => h('span', { class: 'field' }, f)));
  });
  return el;
}

function auditTrail(items) {
  clear(document.getElementById('audit')).append(...items.map((a) => h('li', {},
    h('time', { datetime: a.at }, when(a.at)), ' ',
    t('conv.auditEntry', { from: a.from, to: a.to, trigger: a.trigger, actor: a.actor.replace(/^agent:/, '') }))));
}

function replyArea(row) {
  const area = document.getElementById('reply-area');
  const existing = document.getElementById('reply-text');
  const canReply = row.state === 'HUMAN';
  if (existing && existing.dataset.enabled === String(canReply)) return;
  const text = h('textarea', { id: 'reply-text', rows: '2', placeholder: t('conv.replyPlaceholder'),
    disabled: !canReply, 'aria-describedby': canReply ? null : 'reply-hint', dataset: { enabled: String(canReply) } });
  const send = h('button', { type: 'submit', id: 'reply-send', class: 'primary', disabled: !canReply }, t('conv.send'));
  const form = h('form', { class: 'reply' },
    h('label', { for: 'reply-text' }, t('conv.reply')), text,
    canReply ? null : h('p', { id: 'reply-hint', class: 'muted' }, t('conv.replyDisabled')), send);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = text.value.trim();
    if (!body) return;
    send.disabled = true;
    try {
      await api.reply(row, body);
      text.value = '';
      announce(t('conv.sent'));
      await refreshConversation(false);
    } catch (err) {
      announce(t('error.generic', { detail: err.message }));
    } finally {
      send.disabled = false;
      text.focus();
    }
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.requestSubmit();
  });
  clear(area).append(form);
}
