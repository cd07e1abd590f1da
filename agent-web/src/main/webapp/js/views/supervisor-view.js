// The supervisor board on screen: headline figures, workgroups, agents and the
// waiting chats with the two moves. Plain DOM, text only (visitor names and
// topics are text nodes). Rebuilt when a board arrives (at most once a
// second); between boards only the running clocks are updated.

import { h, setChildren } from './dom.js';
import {
  agentRows, summary, assignableAgents, elapsed, formatDuration, formatFigures,
} from '../supervisor-board.js';

export function createSupervisorView({ root, i18n, onAssign, onMove }) {
  const { t } = i18n;
  let filter = '';
  let state = null;
  // [element, since (server ms)] of every running clock on screen.
  let clocks = [];

  function clock(since, localNow) {
    const cell = h('span', { className: 'sup-clock' }, formatDuration(elapsed(state, since, localNow) ?? -1));
    if (Number.isFinite(since) && since > 0) clocks.push([cell, since]);
    return cell;
  }

  function figuresCell(figures, label) {
    return h('td', { dataset: { label } },
      h('span', { title: figures?.count > 0 ? t('sup.measured', { count: figures.count }) : undefined },
        formatFigures(figures)));
  }

  function tile(name, value, extra) {
    return h('div', { className: 'sup-tile', dataset: { tile: name } },
      h('span', { className: 'sup-tile__label' }, t(`sup.${name}`)),
      h('span', { className: 'sup-tile__value' }, value),
      extra ? h('span', { className: 'sup-tile__extra' }, extra) : null);
  }

  function headline(board, now) {
    const s = summary(board);
    return h('section', { className: 'sup-tiles', attrs: { 'aria-label': t('sup.title') } },
      ['AVAILABLE', 'BUSY', 'OFFLINE'].map((status) =>
        h('div', { className: `sup-tile sup-tile--${status.toLowerCase()}`, dataset: { tile: status } },
          h('span', { className: 'sup-tile__label' }, t(`status.${status}`)),
          h('span', { className: 'sup-tile__value' }, String(s.counts[status])))),
      tile('queued', String(s.queued)),
      tile('longestWait', s.oldestQueuedAt === null ? '—' : clock(s.oldestQueuedAt, now)),
      tile('firstResponse', formatFigures(s.firstResponse)),
      tile('handle', formatFigures(s.handle)));
  }

  function workgroupTable(board, now) {
    const label = (key) => t(`sup.col.${key}`);
    return h('section', { className: 'sup-section' },
      h('h2', { className: 'sup-section__title' }, t('sup.workgroups')),
      h('table', { className: 'sup-table', id: 'sup-workgroups' },
        h('thead', {}, h('tr', {}, ['name', 'queued', 'wait', 'frt', 'handle'].map((key) => h('th', { attrs: { scope: 'col' } }, label(key))))),
        h('tbody', {}, board.workgroups.map((group) => h('tr', { dataset: { workgroupUid: group.uid, queued: group.queued } },
          h('th', { attrs: { scope: 'row' }, dataset: { label: label('name') } }, group.name),
          h('td', { className: 'sup-queued', dataset: { label: label('queued') } }, String(group.queued)),
          h('td', { dataset: { label: label('wait') } }, group.oldestQueuedAt ? clock(group.oldestQueuedAt, now) : '—'),
          figuresCell(group.firstResponse, label('frt')),
          figuresCell(group.handle, label('handle')))))));
  }

  function agentTable(board, now) {
    const label = (key) => t(`sup.col.${key}`);
    const select = h('select', {
      id: 'sup-filter',
      className: 'select',
      on: { change: () => { filter = select.value; render(state); } },
    }, h('option', { value: '' }, t('sup.filter.all')),
    board.workgroups.map((group) => h('option', { value: group.uid }, group.name)));
    select.value = board.workgroups.some((group) => group.uid === filter) ? filter : '';
    const rows = agentRows(board, select.value || null);
    return h('section', { className: 'sup-section' },
      h('div', { className: 'sup-section__head' },
        h('h2', { className: 'sup-section__title' }, t('sup.agents')),
        h('label', { className: 'sup-filter' }, h('span', {}, t('sup.filter')), select)),
      rows.length === 0 ? h('p', { className: 'sup-empty' }, t('sup.noAgents')) : h('table', { className: 'sup-table', id: 'sup-agents' },
        h('thead', {}, h('tr', {}, ['name', 'status', 'since', 'threads', 'frt', 'handle'].map((key) => h('th', { attrs: { scope: 'col' } }, label(key))))),
        h('tbody', {}, rows.map((agent) => h('tr', { dataset: { agentUid: agent.uid, status: agent.status } },
          h('th', { attrs: { scope: 'row' }, dataset: { label: label('name') } }, agent.nickname),
          h('td', { dataset: { label: label('status') } },
            h('span', { className: `sup-status sup-status--${String(agent.status).toLowerCase()}` }, t(`status.${agent.status}`))),
          h('td', { dataset: { label: label('since') } }, agent.statusSince ? clock(agent.statusSince, now) : '—'),
          h('td', { className: 'sup-threads', dataset: { label: label('threads') } }, `${agent.activeThreads}/${agent.maxThreads}`),
          figuresCell(agent.firstResponse, label('frt')),
          figuresCell(agent.handle, label('handle')))))));
  }

  function queueList(board, now) {
    const label = (key) => t(`sup.col.${key}`);
    const names = new Map(board.workgroups.map((group) => [group.uid, group.name]));
    const candidates = assignableAgents(board);
    const items = board.queued.map((thread) => {
      const agentSelect = h('select', { className: 'select', attrs: { 'aria-label': t('sup.assignTo') } },
        candidates.length === 0 ? h('option', { value: '' }, t('sup.noAssignable'))
          : candidates.map((agent) => h('option', { value: agent.uid }, `${agent.nickname} (${agent.activeThreads}/${agent.maxThreads})`)));
      const groupSelect = h('select', { className: 'select', attrs: { 'aria-label': t('sup.moveTo') } },
        board.workgroups.filter((group) => group.uid !== thread.workgroupUid)
          .map((group) => h('option', { value: group.uid }, group.name)));
      const assign = h('button', {
        className: 'button button--small button--primary',
        type: 'button',
        disabled: candidates.length === 0,
        on: {
          click: () => {
            const agent = candidates.find((candidate) => candidate.uid === agentSelect.value);
            if (agent) onAssign(thread.uid, agent.uid, agent.nickname);
          },
        },
      }, t('sup.assign'));
      const move = h('button', {
        className: 'button button--small',
        type: 'button',
        disabled: groupSelect.options.length === 0,
        on: { click: () => groupSelect.value && onMove(thread.uid, groupSelect.value, names.get(groupSelect.value) || '') },
      }, t('sup.move'));
      return h('li', { className: 'sup-waiting', dataset: { threadUid: thread.uid, workgroupUid: thread.workgroupUid } },
        h('div', { className: 'sup-waiting__who' },
          h('strong', {}, thread.visitor || '—'),
          h('span', { className: 'sup-waiting__topic' }, thread.topic || ''),
          h('span', { className: 'sup-waiting__meta' }, `${names.get(thread.workgroupUid) || ''} · ${label('waiting')} `, clock(thread.queuedAt, now))),
        h('div', { className: 'sup-waiting__actions' },
          h('span', { className: 'sup-action' }, agentSelect, assign),
          h('span', { className: 'sup-action' }, groupSelect, move)));
    });
    return h('section', { className: 'sup-section' },
      h('h2', { className: 'sup-section__title' }, t('sup.queue')),
      items.length === 0 ? h('p', { className: 'sup-empty' }, t('sup.noQueue')) : h('ul', { className: 'sup-queue', id: 'sup-queue' }, items));
  }

  function render(next, now = Date.now()) {
    state = next;
    clocks = [];
    const board = state?.board;
    if (!board) {
      setChildren(root);
      return;
    }
    // A select the supervisor is using keeps its choice through a re-render.
    const focused = document.activeElement;
    const keep = focused && root.contains(focused) && focused.tagName === 'SELECT'
      ? { thread: focused.closest('[data-thread-uid]')?.dataset.threadUid, label: focused.getAttribute('aria-label'), value: focused.value }
      : null;
    setChildren(root,
      headline(board, now),
      h('p', { className: 'sup-note' }, t('sup.todayNote')),
      h('div', { className: 'sup-columns' }, workgroupTable(board, now), queueList(board, now)),
      agentTable(board, now));
    if (keep?.thread) {
      const again = root.querySelector(`[data-thread-uid="${CSS.escape(keep.thread)}"] select[aria-label="${CSS.escape(keep.label)}"]`);
      if (again) {
        again.value = keep.value;
        again.focus();
      }
    }
  }

  /** Once a second: the running clocks move on, nothing else is rebuilt. */
  function tick(now = Date.now()) {
    for (const [cell, since] of clocks) cell.textContent = formatDuration(elapsed(state, since, now) ?? -1);
  }

  return Object.freeze({ render, tick });
}
