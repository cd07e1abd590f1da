// The console's way to the admin page, shown to administrators only. Same
// tab: the page reads the credential the console keeps for reloads. Its text
// comes with the admin page's own messages.

import { ADMIN_MESSAGES } from '../admin-i18n.js';
import { h } from './dom.js';

export function addAdminLink({ topbar, i18n }) {
  const link = h('a', { className: 'button button--small', id: 'admin-link', attrs: { href: 'admin.html' } });
  const render = () => {
    link.textContent = (ADMIN_MESSAGES[i18n.language] ?? ADMIN_MESSAGES.en)['admin.title'];
  };
  render();
  i18n.onChange(render);
  const tools = topbar.querySelector('.topbar__tools');
  (tools || topbar).prepend(link);
  return link;
}
