// Operators of the admin's tenants (operations page): list, create, remove — the /admin/v1/operators routes.
import { api } from './api.js';
import { h, clear } from './dom.js';
import { t } from '../i18n/pt-BR.js';
import { store, announce } from './app.js';

export async function renderOperators(box) {
  const { items } = await api.operators();
  const status = h('p', { id: 'operators-status', role: 'status' });
  const remove = (o) => h('button', {
    type: 'button', class: 'ghost', 'aria-label': t('ops.remove', { name: o.username }),
    onclick: async () => {
      await api.deleteOperator(o.username).catch((e) => announce(t('error.generic', { detail: e.message })));
      await renderOperators(box);
      document.getElementById('operators-status').textContent = t('ops.removed', { name: o.username });
    } }, t('ops.removeShort'));
  const rows = items.map((o) => h('tr', { dataset: { username: o.username } },
    h('td', {}, o.username), h('td', {}, t(`role.${o.role}`)), h('td', {}, o.tenants.join(', ')),
    h('td', {}, t(`ops.source.${o.source}`)),
    h('td', {}, o.source === 'api' && `agent:${o.username}` !== store.me.actor ? remove(o) : '')));
  const field = (id, label, input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
  const username = h('input', { id: 'op-username', required: true, autocomplete: 'off' });
  const password = h('input', { id: 'op-password', type: 'password', required: true, minlength: '10',
    autocomplete: 'new-password' });
  const role = h('select', { id: 'op-role' }, h('option', { value: 'agent' }, t('role.agent')),
    h('option', { value: 'admin' }, t('role.admin')));
  const tenants = h('select', { id: 'op-tenant' }, store.me.tenants.map((x) => h('option', { value: x }, x)));
  const error = h('p', { class: 'error', role: 'alert', id: 'op-error' });
  const form = h('form', { class: 'operator-form', 'aria-labelledby': 'op-form-h' },
    h('h3', { id: 'op-form-h' }, t('ops.newOperator')),
    field('op-username', t('ops.col.username'), username), field('op-password', t('ops.password'), password),
    field('op-role', t('ops.col.role'), role), field('op-tenant', t('ops.col.tenants'), tenants),
    h('button', { type: 'submit', class: 'primary', id: 'op-create' }, t('ops.create')), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.createOperator({ username: username.value.trim(), password: password.value, role: role.value,
        tenants: [tenants.value] });
      const name = username.value.trim();
      await renderOperators(box);
      document.getElementById('operators-status').textContent = t('ops.created', { name });
    } catch (err) {
      error.textContent = t('error.generic', { detail: err.message });
    }
  });
  clear(box).append(status, h('table', {},
    h('thead', {}, h('tr', {}, [t('ops.col.username'), t('ops.col.role'), t('ops.col.tenants'), t('ops.col.source'),
      ''].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', { id: 'operators-body' }, rows)), form);
}
