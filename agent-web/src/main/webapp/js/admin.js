// The admin page (/agent/admin.html): an administrator's workgroups, agents
// and recent changes. Signs in like the console (a #credential= fragment from
// the login, or the one this tab's console keeps), then talks only to the
// administration API. Text from the server is always set as text.

import { createAdminApi, workgroupBody, agentBody, ROLES, ROUTING_MODES } from './admin-api.js';
import { ADMIN_MESSAGES } from './admin-i18n.js';
import { createCredentialStore, signInOnLoad } from './credential-store.js';
import { createI18n } from './i18n.js';
import { h, setChildren, formatDateTime } from './views/dom.js';

const i18n = createI18n({ navigator: window.navigator, storage: () => window.localStorage, messages: ADMIN_MESSAGES });
const t = i18n.t;
const credentials = createCredentialStore({ storage: () => window.sessionStorage });
let credential = signInOnLoad(window, credentials)?.credential ?? null;

const api = createAdminApi({
  fetch: (...args) => window.fetch(...args),
  baseUrl: new URL('.', window.location.href).pathname.replace(/\/$/, ''),
  getCredential: () => credential,
  onUnauthorised: () => { credential = null; credentials.clear(); showScreen(t('app.sessionEnded')); },
});

const state = { workgroups: [], agents: [], audit: [], editingWorkgroup: null, editingAgent: null };
const root = document.getElementById('admin');
const screen = document.getElementById('screen');

function showScreen(message) {
  root.hidden = true;
  screen.hidden = false;
  setChildren(screen, h('div', { className: 'screen__card' },
    h('h1', { className: 'screen__title', text: t('admin.title') }),
    h('p', { className: 'screen__message', text: message }),
    h('p', { className: 'screen__hint', text: t('app.signInHint') })));
}

async function load() {
  const [workgroups, agents, audit] = await Promise.all([api.workgroups(), api.agents(), api.audit(20)]);
  Object.assign(state, { workgroups, agents, audit });
  render();
}

function render() {
  document.documentElement.lang = i18n.locale;
  document.title = t('admin.title');
  setChildren(root,
    h('header', { className: 'topbar' },
      h('div', { className: 'brand' }, h('span', { className: 'brand__title', text: t('admin.title') })),
      h('div', { className: 'topbar__tools' },
        languageSelect(),
        h('a', { className: 'button button--quiet', attrs: { href: './' }, text: t('admin.back') }))),
    h('main', { className: 'admin__body' },
      workgroupSection(), agentSection(), auditSection()),
    h('p', { className: 'admin__feedback', id: 'admin-feedback', attrs: { role: 'status', 'aria-live': 'polite' } }));
}

function languageSelect() {
  const select = h('select', { className: 'select', attrs: { 'aria-label': t('app.language') },
    on: { change: (e) => { i18n.setLanguage(e.target.value); render(); } } },
  h('option', { value: 'zh', text: '中文' }), h('option', { value: 'en', text: 'English' }));
  select.value = i18n.language;
  return select;
}

// ---------- workgroups

function workgroupSection() {
  const rows = state.workgroups.map((wg) => h('tr', { dataset: { uid: wg.uid } },
    h('td', { text: wg.name }),
    h('td', { text: wg.queueCap ?? t('admin.queueCap.default') }),
    h('td', { text: t(`admin.routingMode.${wg.routingMode ?? 'LEAST_ACTIVE'}`) }),
    h('td', { text: wg.idleCloseMinutes ?? t('admin.queueCap.default') }),
    h('td', {}, h('button', { className: 'button button--small', type: 'button', text: t('admin.edit'),
      on: { click: () => { state.editingWorkgroup = wg; render(); } } }))));
  return h('section', { className: 'admin__section', attrs: { 'aria-labelledby': 'wg-title' } },
    h('h2', { className: 'admin__title', id: 'wg-title', text: t('admin.workgroups') }),
    table([t('admin.name'), t('admin.queueCap'), t('admin.routingMode'), t('admin.idleCloseMinutes'), ''], rows),
    workgroupForm(state.editingWorkgroup));
}

function workgroupForm(current) {
  const name = h('input', { name: 'name', maxLength: 200, value: current?.name ?? '', required: true });
  const cap = h('input', { name: 'queueCap', value: current?.queueCap ?? '', placeholder: t('admin.queueCap.hint'),
    attrs: { inputmode: 'numeric' } });
  const mode = h('select', { name: 'routingMode', className: 'select' },
    ...ROUTING_MODES.map((value) => h('option', { value, text: t(`admin.routingMode.${value}`) })));
  mode.value = current?.routingMode ?? 'LEAST_ACTIVE';
  const idle = h('input', { name: 'idleCloseMinutes', value: current?.idleCloseMinutes ?? '',
    placeholder: t('admin.queueCap.hint'), attrs: { inputmode: 'numeric' } });
  const form = h('form', { className: 'admin__form', id: 'workgroup-form', attrs: { novalidate: true } },
    h('h3', { text: current ? t('admin.editWorkgroup') : t('admin.newWorkgroup') }),
    field(t('admin.name'), name), field(t('admin.queueCap'), cap),
    field(t('admin.routingMode'), mode), field(t('admin.idleCloseMinutes'), idle),
    h('div', { className: 'form__actions' },
      current ? h('button', { className: 'button', type: 'button', text: t('admin.cancel'),
        on: { click: () => { state.editingWorkgroup = null; render(); } } }) : null,
      h('button', { className: 'button button--primary', type: 'submit',
        text: current ? t('admin.save') : t('admin.create') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { body, error } = workgroupBody({ name: name.value, queueCap: cap.value, routingMode: mode.value,
      idleCloseMinutes: idle.value }, current);
    if (error) return feedback(t(error));
    return save(() => (current ? api.changeWorkgroup(current.uid, body) : api.createWorkgroup(body)),
      () => { state.editingWorkgroup = null; });
  });
  return form;
}

// ---------- agents

function agentSection() {
  const names = new Map(state.workgroups.map((wg) => [wg.uid, wg.name]));
  const rows = state.agents.map((agent) => h('tr', { dataset: { uid: agent.uid },
    className: agent.disabled ? 'admin__row--disabled' : '' },
  h('td', {}, h('div', { text: agent.nickname }), h('div', { className: 'admin__muted', text: agent.username })),
  h('td', { text: agent.disabled ? t('admin.disabled') : t(`status.${agent.status}`) }),
  h('td', { text: `${agent.activeThreads} / ${agent.maxThreads}` }),
  h('td', { text: agent.roles.map((role) => t(`admin.role.${role}`)).join(', ') }),
  h('td', { text: agent.workgroups.map((wg) => names.get(wg.uid) ?? wg.name).join(', ') }),
  h('td', {}, h('div', { className: 'admin__actions' },
    h('button', { className: 'button button--small', type: 'button', text: t('admin.edit'),
      on: { click: () => { state.editingAgent = agent; render(); } } }),
    agent.disabled
      ? h('button', { className: 'button button--small', type: 'button', text: t('admin.enable'),
        on: { click: () => save(() => api.enableAgent(agent.uid)) } })
      : h('button', { className: 'button button--small button--danger', type: 'button', text: t('admin.disable'),
        on: { click: () => {
          if (window.confirm(t('admin.confirmDisable', { name: agent.nickname }))) save(() => api.disableAgent(agent.uid));
        } } })))));
  return h('section', { className: 'admin__section', attrs: { 'aria-labelledby': 'agent-title' } },
    h('h2', { className: 'admin__title', id: 'agent-title', text: t('admin.agents') }),
    table([t('admin.nickname'), t('admin.status'), t('admin.maxThreads'), t('admin.roles'), t('admin.workgroups'), ''],
      rows),
    agentForm(state.editingAgent));
}

function agentForm(current) {
  const username = h('input', { name: 'username', maxLength: 200, value: current?.username ?? '',
    disabled: Boolean(current), autocomplete: 'off' });
  const nickname = h('input', { name: 'nickname', maxLength: 200, value: current?.nickname ?? '' });
  const maxThreads = h('input', { name: 'maxThreads', value: current?.maxThreads ?? '', attrs: { inputmode: 'numeric' } });
  const roleBoxes = ROLES.map((role) => checkbox('role', role, t(`admin.role.${role}`),
    Boolean(current?.roles.includes(role))));
  const member = new Set((current?.workgroups ?? []).map((wg) => wg.uid));
  const groupBoxes = state.workgroups.map((wg) => checkbox('workgroup', wg.uid, wg.name, member.has(wg.uid)));
  const form = h('form', { className: 'admin__form', id: 'agent-form', attrs: { novalidate: true } },
    h('h3', { text: current ? t('admin.editAgent') : t('admin.newAgent') }),
    field(t('admin.username'), username), field(t('admin.nickname'), nickname), field(t('admin.maxThreads'), maxThreads),
    h('fieldset', { className: 'admin__choices' }, h('legend', { text: t('admin.roles') }), roleBoxes.map((c) => c.label)),
    h('fieldset', { className: 'admin__choices' }, h('legend', { text: t('admin.workgroups') }),
      groupBoxes.map((c) => c.label)),
    h('div', { className: 'form__actions' },
      current ? h('button', { className: 'button', type: 'button', text: t('admin.cancel'),
        on: { click: () => { state.editingAgent = null; render(); } } }) : null,
      h('button', { className: 'button button--primary', type: 'submit',
        text: current ? t('admin.save') : t('admin.create') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = (boxes) => boxes.filter((c) => c.input.checked).map((c) => c.input.value);
    const { body, error } = agentBody({ username: username.value, nickname: nickname.value,
      maxThreads: maxThreads.value, roles: checked(roleBoxes), workgroups: checked(groupBoxes) }, Boolean(current));
    if (error) return feedback(t(error));
    return save(() => (current ? api.changeAgent(current.uid, body) : api.createAgent(body)),
      () => { state.editingAgent = null; });
  });
  return form;
}

// ---------- audit

function auditSection() {
  const items = state.audit.map((entry) => h('li', {},
    h('time', { className: 'admin__muted', text: formatDateTime(entry.at, i18n.locale) }), ' ',
    h('span', { text: t('admin.audit.entry', { action: actionName(entry.action), actor: actorName(entry.actorUid) }) }),
    ' ',
    h('code', { text: entry.detail?.name ?? entry.detail?.username ?? entry.targetUid })));
  return h('section', { className: 'admin__section', attrs: { 'aria-labelledby': 'audit-title' } },
    h('h2', { className: 'admin__title', id: 'audit-title', text: t('admin.audit') }),
    items.length ? h('ul', { className: 'admin__audit' }, items) : h('p', { className: 'empty', text: t('admin.none') }));
}

function actionName(action) {
  const key = `admin.action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

function actorName(uid) {
  return state.agents.find((agent) => agent.uid === uid)?.nickname ?? uid;
}

// ---------- pieces

function table(headings, rows) {
  return h('table', { className: 'admin__table' },
    h('thead', {}, h('tr', {}, headings.map((text) => h('th', { attrs: { scope: 'col' }, text })))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { className: 'empty', text: t('admin.none'),
      attrs: { colspan: headings.length } }))));
}

function field(label, input) {
  const id = `admin-${input.name}-${Math.random().toString(36).slice(2, 8)}`;
  input.id = id;
  return h('div', { className: 'field' }, h('label', { htmlFor: id, text: label }), input);
}

function checkbox(name, value, label, checked) {
  const input = h('input', { type: 'checkbox', name, value, checked });
  return { input, label: h('label', { className: 'admin__choice' }, input, ' ', label) };
}

function feedback(message) {
  const el = document.getElementById('admin-feedback');
  if (el) el.textContent = message;
}

async function save(change, after) {
  try {
    await change();
    after?.();
    await load();
    feedback(t('admin.saved'));
  } catch (err) {
    if (err?.status === 401) return;
    feedback(t('admin.failed', { reason: err?.message || String(err) }));
  }
}

async function start() {
  if (!credential) {
    showScreen(t('app.signedOut'));
    return;
  }
  try {
    await load();
    screen.hidden = true;
    root.hidden = false;
  } catch (err) {
    if (err?.status === 401) return;
    showScreen(err?.status === 403 ? t('admin.forbidden') : t('app.loadFailed', { reason: err?.message || err }));
  }
}

start();
