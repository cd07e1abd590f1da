// Choosing where a conversation goes: a colleague (who must accept it) or a
// workgroup queue. A native <dialog>, so focus trapping and Escape come free.

import { h, setChildren, reasonOf } from './dom.js';

export function createTransferDialog({ i18n, loadTargets, transfer }) {
  const { t } = i18n;
  let threadUid = null;

  const heading = h('h2', { id: 'transfer-title' });
  const colleaguesTitle = h('h3', {});
  const colleagues = h('ul', { className: 'choice-list' });
  const workgroupsTitle = h('h3', {});
  const workgroups = h('ul', { className: 'choice-list' });
  const feedback = h('p', { className: 'form__feedback', attrs: { role: 'status' } });
  const cancel = h('button', { className: 'button', type: 'button', on: { click: () => dialog.close() } });
  const confirm = h('button', { className: 'button button--primary', type: 'submit' });
  const form = h('form', { className: 'dialog__body', on: { submit: onSubmit } },
    heading,
    h('fieldset', {}, h('legend', {}, colleaguesTitle), colleagues),
    h('fieldset', {}, h('legend', {}, workgroupsTitle), workgroups),
    feedback,
    h('div', { className: 'dialog__actions' }, cancel, confirm));
  const dialog = h('dialog', { className: 'dialog', attrs: { 'aria-labelledby': 'transfer-title' } }, form);
  document.body.appendChild(dialog);

  function labels() {
    heading.textContent = t('transfer.title');
    colleaguesTitle.textContent = t('transfer.toAgent');
    workgroupsTitle.textContent = t('transfer.toWorkgroup');
    cancel.textContent = t('transfer.cancel');
    confirm.textContent = t('transfer.confirm');
  }

  function option(name, value, text, detail, disabled) {
    const id = `transfer-${name}-${value}`;
    return h('li', {},
      h('input', { type: 'radio', name: 'target', id, value: `${name}:${value}`, disabled }),
      h('label', { htmlFor: id }, h('span', { className: 'choice__name' }, text), detail ? h('span', { className: 'choice__detail' }, detail) : null));
  }

  async function open(uid) {
    threadUid = uid;
    labels();
    feedback.textContent = t('transfer.loading');
    setChildren(colleagues);
    setChildren(workgroups);
    confirm.disabled = true;
    if (!dialog.open) dialog.showModal();
    try {
      const targets = await loadTargets();
      if (threadUid !== uid) return;
      const people = targets.colleagues || [];
      setChildren(colleagues, people.length
        ? people.map((agent) => option('agent', agent.uid, agent.nickname || agent.username || agent.uid,
          `${t(`status.${agent.status}`)} · ${agent.activeThreads ?? 0}/${agent.maxThreads ?? '?'}`,
          agent.status === 'OFFLINE'))
        : h('li', { className: 'empty' }, t('transfer.noColleagues')));
      const groups = targets.workgroups || [];
      setChildren(workgroups, groups.length
        ? groups.map((group) => option('workgroup', group.uid, group.name || group.uid, null, false))
        : h('li', { className: 'empty' }, t('transfer.noWorkgroups')));
      feedback.textContent = '';
      confirm.disabled = false;
    } catch (err) {
      feedback.textContent = t('transfer.load', { reason: reasonOf(err, t) });
    }
  }

  async function onSubmit(event) {
    event.preventDefault();
    const chosen = form.querySelector('input[name="target"]:checked');
    if (!chosen) {
      feedback.textContent = t('transfer.choose');
      return;
    }
    const [kind, ...rest] = chosen.value.split(':');
    const value = rest.join(':');
    const target = kind === 'agent' ? { agentUid: value } : { workgroupUid: value };
    confirm.disabled = true;
    feedback.textContent = '';
    try {
      await transfer(threadUid, target);
      dialog.close();
    } catch (err) {
      feedback.textContent = t('conv.actionFailed', { reason: reasonOf(err, t) });
    } finally {
      confirm.disabled = false;
    }
  }

  i18n.onChange(labels);
  return Object.freeze({ open, close: () => dialog.close() });
}
