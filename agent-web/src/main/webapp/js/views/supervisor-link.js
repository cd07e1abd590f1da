// The console's way to the supervisor view, shown to supervisors only. Same
// tab: the view reads the credential the console keeps for reloads.

import { h } from './dom.js';

export function addSupervisorLink({ topbar, i18n }) {
  const link = h('a', { className: 'button button--small', id: 'supervisor-link', attrs: { href: 'supervisor.html' } });
  const render = () => { link.textContent = i18n.t('app.supervisor'); };
  render();
  i18n.onChange(render);
  const tools = topbar.querySelector('.topbar__tools');
  (tools || topbar).prepend(link);
  return link;
}
