import { api, ApiError } from './api.js';
import { h, clear } from './dom.js';
import { t } from '../i18n/pt-BR.js';

export function renderLogin(main, onSignedIn) {
  document.title = `${t('login.heading')} · ${t('app.title')}`;
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert' });
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const submit = h('button', { type: 'submit', id: 'login-submit', class: 'primary' }, t('login.submit'));
  const form = h('form', { class: 'login card', 'aria-labelledby': 'login-heading', novalidate: true },
    h('h1', { id: 'login-heading', tabindex: '-1' }, t('login.heading')),
    h('label', { for: 'login-username' }, t('login.username')), username,
    h('label', { for: 'login-password' }, t('login.password')), password,
    error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      await api.login(username.value.trim(), password.value);
      password.value = '';
      await onSignedIn();
    } catch (err) {
      error.textContent = !(err instanceof ApiError) ? t('login.error')
        : err.status === 429 ? t('login.tooMany', { seconds: err.retryAfter || 60 })
          : err.status === 401 ? t('login.failed') : t('login.error');
      password.select();
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  clear(main).append(h('div', { class: 'login-page' }, h('p', { class: 'brand big' }, 'Switchboard'), form));
  username.focus();
}
