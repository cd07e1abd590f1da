// The demo host: an "intranet portal" embedding the console through the host SDK. Open it as
// portal.html#console=<url-encoded login URL of the console>, ideally from another origin than the console.
import { embed } from '../sdk/agent-console.js';

const log = document.getElementById('event-log');
const hint = document.getElementById('portal-hint');

function record(type, data) {
  const entry = document.createElement('li');
  entry.textContent = `${new Date().toLocaleTimeString()} ${type} ${JSON.stringify(data)}`;
  log.prepend(entry);
  while (log.children.length > 200) log.lastElementChild.remove();
}

function consoleUrl() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('console');
  return fromHash || new URLSearchParams(location.search).get('console');
}

const url = consoleUrl();
if (!url) {
  hint.textContent = 'Add #console=<url-encoded login URL> to this page\'s address (./run.sh prints one).';
} else {
  const agentConsole = embed({ container: '#console', consoleUrl: url, title: 'Agent console' });
  window.__portal = { console: agentConsole, events: [] };
  const remember = (type) => (data) => {
    window.__portal.events.push({ type, data });
    record(type, data);
  };
  for (const type of ['console_ready', 'unread_message_count', 'new_visitor_message', 'agent_status_changed',
    'thread_status_changed']) {
    agentConsole.on(type, remember(type));
  }
  agentConsole.on('unread_message_count', (data) => {
    document.getElementById('unread-count').textContent = String(data.totalUnreadCount);
  });
  agentConsole.on('agent_status_changed', (data) => {
    document.getElementById('agent-status').textContent = data.status;
  });
  agentConsole.on('console_ready', (data) => {
    document.getElementById('agent-status').textContent = data.agentInfo?.status ?? 'unknown';
  });

  const run = (label, command) => command().then(
    () => record('command_result', { command: label, ok: true }),
    (error) => record('command_result', { command: label, ok: false, error: error.message }));
  const commands = {
    available: () => agentConsole.setAvailable(),
    busy: () => agentConsole.setBusy(),
    offline: () => agentConsole.setOffline(),
    refresh: () => agentConsole.refreshThreads(),
  };
  for (const button of document.querySelectorAll('[data-command]')) {
    button.addEventListener('click', () => run(button.dataset.command, commands[button.dataset.command]));
  }
  document.getElementById('clear-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const threadUid = document.getElementById('clear-thread').value.trim();
    run('clear_unread_count', () => agentConsole.clearUnread(threadUid));
  });
}
