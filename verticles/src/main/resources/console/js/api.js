// Every call the console makes: the documented admin API (openapi.json), nothing else. The session travels as the
// HttpOnly cookie set at sign-in; X-Requested-With marks our own requests (the API refuses cookie-only changes).
const BASE = '/admin/v1';

export class ApiError extends Error {
  constructor(status, body, headers) {
    super(body?.detail || `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.retryAfter = Number(headers?.get('Retry-After') || 0);
  }
}

let onUnauthorized = () => {};
export function whenSignedOut(handler) {
  onUnauthorized = handler;
}

async function call(method, path, body) {
  const headers = { 'X-Requested-With': 'switchboard-console', Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(BASE + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const error = new ApiError(res.status, data, res.headers);
    if (res.status === 401 && path !== '/auth/login') onUnauthorized(error);
    throw error;
  }
  return data;
}

const enc = encodeURIComponent;

function requestId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export const api = {
  login: (username, password) => call('POST', '/auth/login', { username, password }),
  logout: () => call('POST', '/auth/logout'),
  me: () => call('GET', '/me'),
  conversations: (tenant) => call('GET', `/conversations?tenant=${enc(tenant)}&limit=500`),
  messages: (key) => call('GET', `/conversations/${enc(key)}/messages?limit=500`),
  audit: (key) => call('GET', `/conversations/${enc(key)}/audit`),
  takeOver: (key) => call('POST', `/conversations/${enc(key)}/handoff`, {}),
  handBack: (key) => call('POST', `/conversations/${enc(key)}/handback`, {}),
  close: (key) => call('POST', `/conversations/${enc(key)}/close`, {}),
  // A person's reply goes through the outbox like any other: the same admin action an automation would send.
  reply: (conversation, text, sourceId = requestId()) => call('POST', '/actions', {
    tenant: conversation.tenant, target: conversation.channel, recipient: conversation.contact, sourceId,
    payload: { kind: 'text', body: text },
  }),
  // What the AI makes of a text (intent, extracted fields), relative dates resolved against `now`.
  classify: (tenant, text, now) => call('POST', '/ai/classify', { tenant, text, now }),
  operators: () => call('GET', '/operators'),
  createOperator: (operator) => call('POST', '/operators', operator),
  deleteOperator: (username) => call('DELETE', `/operators/${enc(username)}`),
  deadLetters: (tenant) => call('GET', `/dead-letters?tenant=${enc(tenant)}&limit=100`),
  replay: (ids) => call('POST', '/dead-letters/replay', { ids }),
  schedules: (tenant) => call('GET', `/tenants/${enc(tenant)}/schedules`),
  lastRun: (tenant, id) => call('GET', `/tenants/${enc(tenant)}/schedules/${enc(id)}/runs?limit=1`),
  today: (tenant) => call('GET', `/metrics/today?tenant=${enc(tenant)}`),
  integrations: (tenant, status) => call('GET', `/integrations?tenant=${enc(tenant)}&status=${enc(status)}&limit=100`),
  integration: (id) => call('GET', `/integrations/${enc(id)}`),
  retryIntegration: (id) => call('POST', `/integrations/${enc(id)}/retry`, {}),
  resolveIntegration: (id, data) => call('POST', `/integrations/${enc(id)}/resolve`, { data }),
};

/** The live feed (server-sent events); the browser reconnects by itself after a drop. */
export function liveFeed(onConversation, onConnected) {
  const source = new EventSource(`${BASE}/events`);
  source.addEventListener('conversation', (e) => onConversation(JSON.parse(e.data)));
  source.addEventListener('open', () => onConnected(true));
  source.addEventListener('error', () => onConnected(false));
  return source;
}
