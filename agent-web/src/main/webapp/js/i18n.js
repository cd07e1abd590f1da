// Chinese and English text for the console and the visitor page. The choice
// follows the browser unless the user picked one; that pick is remembered in
// localStorage when the page may use it (a third-party iframe may not).

export const LANGUAGES = Object.freeze(['zh', 'en']);
export const STORAGE_KEY = 'agent-console.language';

export const MESSAGES = Object.freeze({
  en: {
    'app.title': 'Agent console',
    'app.language': 'Language',
    'app.loading': 'Loading…',
    'app.signedOut': 'You are not signed in.',
    'app.signInHint': 'Open the console through your system’s sign-in link (/agent/auth/login?accessToken=…).',
    'app.sessionEnded': 'Your session has ended. Please log in again.',
    'app.loadFailed': 'The console could not load: {reason}',
    'app.retry': 'Retry',
    'app.logout': 'Log out',
    'app.enableNotifications': 'Enable notifications',
    'app.unreadTotal': '{count} unread',
    'app.supervisor': 'Supervisor view',
    'conn.reconnecting': 'Connection lost. Reconnecting…',
    'conn.offline': 'You are offline. Reconnecting…',
    'conn.retryNow': 'Reconnect now',
    'status.label': 'My status',
    'status.AVAILABLE': 'Available',
    'status.BUSY': 'Busy',
    'status.OFFLINE': 'Offline',
    'status.failed': 'Could not change status: {reason}',
    'view.mine': 'My chats',
    'view.queued': 'Queue',
    'view.closed': 'Closed',
    'list.empty.mine': 'No active conversations.',
    'list.empty.queued': 'Nobody is waiting.',
    'list.empty.closed': 'No recently closed conversations.',
    'list.refresh': 'Refresh',
    'list.unread': '{count} unread messages',
    'list.noPreview': 'No messages yet',
    'type.AGENT': 'Direct',
    'type.WORKGROUP': 'Workgroup',
    'type.ROBOT': 'Robot',
    'type.MEMBER': 'Colleague',
    'type.GROUP': 'Group',
    'thread.QUEUED': 'Waiting',
    'thread.ASSIGNED': 'Offered to you',
    'thread.CHATTING': 'In progress',
    'thread.CLOSED': 'Closed',
    'thread.closed.agent': 'Closed by the agent',
    'thread.closed.visitor': 'Closed by the visitor',
    'thread.closed.idle': 'Closed after a period without messages',
    'thread.closed.system': 'Closed by the system',
    'thread.otherAgent': 'Handled by a colleague',
    'conv.none': 'Select a conversation from the list.',
    'conv.back': 'Back to list',
    'conv.loadEarlier': 'Load earlier messages',
    'conv.loading': 'Loading messages…',
    'conv.noMessages': 'No messages yet.',
    'conv.accept': 'Accept',
    'conv.transfer': 'Transfer',
    'conv.close': 'Close',
    'conv.reopen': 'Reopen',
    'conv.visitorInfo': 'Visitor',
    'conv.actionFailed': 'That did not work: {reason}',
    'composer.placeholder': 'Type a reply… (Enter to send, Shift+Enter for a new line)',
    'composer.send': 'Send',
    'composer.counter': '{count} / {max}',
    'composer.tooLong': 'A message can have at most {max} characters.',
    'composer.disabled': 'You can reply once the conversation is yours.',
    'message.pending': 'Sending…',
    'message.failed': 'Not sent',
    'message.retry': 'Retry',
    'message.visitor': 'Visitor',
    'message.agent': 'Agent',
    'message.system': 'System',
    'message.you': 'You',
    'visitor.title': 'Visitor',
    'visitor.nickname': 'Nickname',
    'visitor.notes': 'Notes',
    'visitor.save': 'Save',
    'visitor.saved': 'Saved.',
    'visitor.saveFailed': 'Could not save: {reason}',
    'visitor.firstSeen': 'First seen',
    'visitor.lastSeen': 'Last seen',
    'visitor.none': 'Open a conversation to see its visitor.',
    'visitor.close': 'Close visitor panel',
    'transfer.title': 'Transfer conversation',
    'transfer.toAgent': 'To a colleague',
    'transfer.toWorkgroup': 'To a workgroup queue',
    'transfer.noColleagues': 'No colleagues.',
    'transfer.noWorkgroups': 'No workgroups.',
    'transfer.confirm': 'Transfer',
    'transfer.cancel': 'Cancel',
    'transfer.loading': 'Loading…',
    'transfer.load': 'Could not load colleagues: {reason}',
    'transfer.choose': 'Choose a colleague or a workgroup.',
    'notify.newVisitor': 'New visitor: {name}',
    'error.network': 'network error',
    'visitor.page.title': 'Chat with us',
    'visitor.page.agentsOnline': '{count} agents online',
    'visitor.page.agentOnline': '1 agent online',
    'visitor.page.queueFull': 'All our agents are busy and the waiting line is full. Please try again in a few minutes.',
    'visitor.page.tryLater': 'Too many requests. Please wait a moment and try again.',
    'visitor.page.busy': 'We are very busy right now. Please try again in a moment.',
    'visitor.page.expired': 'This chat has expired after a long pause. Start a new chat to continue.',
    'visitor.page.noAgents': 'No agent is online right now; leave a message and we will answer as soon as we can.',
    'visitor.page.unknownWorkgroup': 'This chat is not available.',
    'visitor.page.nickname': 'Your name',
    'visitor.page.topic': 'What is it about? (optional)',
    'visitor.page.start': 'Start chat',
    'visitor.page.starting': 'Starting…',
    'visitor.page.leave': 'Leave chat',
    'visitor.page.closed': 'This conversation has ended.',
    'visitor.page.closedIdle': 'This conversation was closed because no messages were sent for a while.',
    'visitor.page.closedByAgent': 'The agent has ended this conversation.',
    'visitor.page.newChat': 'Start a new chat',
    'visitor.page.waiting': 'Waiting for an agent…',
    'visitor.page.connected': 'An agent has joined.',
    'visitor.page.placeholder': 'Type a message… (Enter to send)',
    'visitor.page.reconnecting': 'Connection lost. Reconnecting…',
    'visitor.page.failed': 'Something went wrong: {reason}',
    'offer.region': 'Transfer offers',
    'offer.incoming': '{name} wants to transfer {visitor} to you',
    'offer.outgoing': 'Offered to {name}: {visitor}',
    'offer.secondsLeft': '{seconds} s left',
    'offer.accept': 'Accept',
    'offer.decline': 'Decline',
    'offer.cancel': 'Cancel',
    'offer.failed': 'That did not work: {reason}',
    'offer.sent': 'Waiting for {name} to accept.',
    'offer.acceptedByThem': '{name} accepted {visitor}.',
    'offer.acceptedByMe': 'You took over {visitor} from {name}.',
    'offer.declinedByThem': '{name} declined {visitor}; the conversation stays with you.',
    'offer.cancelledByThem': '{name} took back the offer of {visitor}.',
    'offer.expiredSent': '{name} did not answer in time; {visitor} stays with you.',
    'offer.expiredReceived': 'The offer of {visitor} from {name} has expired.',
    'offer.withdrawn': 'The offer of {visitor} from {name} no longer applies.',
    // Quick replies ("/" in the composer, and their dialog).
    'quick.open': 'Quick replies',
    'quick.title': 'Quick replies',
    'quick.hint': 'Type / in the reply box, then a few letters: ↑ ↓ to choose, Enter or Tab to insert, Esc to close.',
    'quick.suggestions': 'Quick replies',
    'quick.count': '{count} quick replies match: ↑ ↓ to choose, Enter to insert, Esc to close.',
    'quick.empty': 'No quick replies yet.',
    'quick.scope': 'For',
    'quick.scope.PERSONAL': 'Only me',
    'quick.scope.ORGANISATION': 'Everyone',
    'quick.new': 'New quick reply',
    'quick.editing': 'Edit /{shortcut}',
    'quick.shortcut': 'Shortcut',
    'quick.shortcutHint': 'Up to 32 letters, digits, _ - or . (no spaces)',
    'quick.content': 'Text',
    'quick.save': 'Save',
    'quick.cancelEdit': 'Cancel',
    'quick.edit': 'Edit',
    'quick.delete': 'Delete',
    'quick.close': 'Close',
    'quick.saved': 'Saved.',
    'quick.deleted': '/{shortcut} deleted.',
    'quick.failed': 'That did not work: {reason}',
    'quick.stale': 'Someone changed this reply meanwhile; the list shows their version. Save again to replace it with yours.',
    'quick.loadFailed': 'Quick replies could not be loaded: {reason}',
    'quick.tooLong': 'That reply does not fit into this message.',
  },
  zh: {
    'app.title': '客服工作台',
    'app.language': '语言',
    'app.loading': '加载中…',
    'app.signedOut': '您尚未登录。',
    'app.signInHint': '请通过系统提供的登录链接打开客服工作台（/agent/auth/login?accessToken=…）。',
    'app.sessionEnded': '会话已结束，请重新登录。',
    'app.loadFailed': '客服工作台加载失败：{reason}',
    'app.retry': '重试',
    'app.logout': '退出登录',
    'app.enableNotifications': '开启桌面通知',
    'app.unreadTotal': '{count} 条未读',
    'app.supervisor': '主管视图',
    'conn.reconnecting': '连接已断开，正在重新连接…',
    'conn.offline': '网络已断开，正在重新连接…',
    'conn.retryNow': '立即重连',
    'status.label': '我的状态',
    'status.AVAILABLE': '在线接待',
    'status.BUSY': '客服忙碌',
    'status.OFFLINE': '客服下线',
    'status.failed': '状态切换失败：{reason}',
    'view.mine': '我的会话',
    'view.queued': '排队中',
    'view.closed': '已结束',
    'list.empty.mine': '暂无进行中的会话。',
    'list.empty.queued': '暂无排队访客。',
    'list.empty.closed': '暂无最近结束的会话。',
    'list.refresh': '刷新',
    'list.unread': '{count} 条未读消息',
    'list.noPreview': '暂无消息',
    'type.AGENT': '一对一',
    'type.WORKGROUP': '工作组',
    'type.ROBOT': '机器人',
    'type.MEMBER': '同事',
    'type.GROUP': '群组',
    'thread.QUEUED': '排队中',
    'thread.ASSIGNED': '待接入',
    'thread.CHATTING': '进行中',
    'thread.CLOSED': '已结束',
    'thread.closed.agent': '客服已结束',
    'thread.closed.visitor': '访客已结束',
    'thread.closed.idle': '长时间无消息，已自动结束',
    'thread.closed.system': '系统已结束',
    'thread.otherAgent': '由同事接待',
    'conv.none': '请从左侧列表选择一个会话。',
    'conv.back': '返回列表',
    'conv.loadEarlier': '加载更早的消息',
    'conv.loading': '正在加载消息…',
    'conv.noMessages': '暂无消息。',
    'conv.accept': '接入',
    'conv.transfer': '转接',
    'conv.close': '结束会话',
    'conv.reopen': '重新打开',
    'conv.visitorInfo': '访客信息',
    'conv.actionFailed': '操作失败：{reason}',
    'composer.placeholder': '输入回复…（Enter 发送，Shift+Enter 换行）',
    'composer.send': '发送',
    'composer.counter': '{count} / {max}',
    'composer.tooLong': '消息最多 {max} 个字符。',
    'composer.disabled': '接入会话后即可回复。',
    'message.pending': '发送中…',
    'message.failed': '发送失败',
    'message.retry': '重发',
    'message.visitor': '访客',
    'message.agent': '客服',
    'message.system': '系统',
    'message.you': '我',
    'visitor.title': '访客',
    'visitor.nickname': '昵称',
    'visitor.notes': '备注',
    'visitor.save': '保存',
    'visitor.saved': '已保存。',
    'visitor.saveFailed': '保存失败：{reason}',
    'visitor.firstSeen': '首次访问',
    'visitor.lastSeen': '最近访问',
    'visitor.none': '打开会话后显示访客信息。',
    'visitor.close': '关闭访客信息',
    'transfer.title': '转接会话',
    'transfer.toAgent': '转给同事',
    'transfer.toWorkgroup': '转到工作组队列',
    'transfer.noColleagues': '暂无同事。',
    'transfer.noWorkgroups': '暂无工作组。',
    'transfer.confirm': '转接',
    'transfer.cancel': '取消',
    'transfer.loading': '加载中…',
    'transfer.load': '无法加载同事列表：{reason}',
    'transfer.choose': '请选择一位同事或一个工作组。',
    'notify.newVisitor': '新访客接入：{name}',
    'error.network': '网络错误',
    'visitor.page.title': '在线咨询',
    'visitor.page.agentsOnline': '{count} 位客服在线',
    'visitor.page.agentOnline': '1 位客服在线',
    'visitor.page.queueFull': '客服正忙，排队人数已满，请几分钟后再试。',
    'visitor.page.tryLater': '操作太频繁，请稍候再试。',
    'visitor.page.busy': '当前咨询人数较多，请稍后再试。',
    'visitor.page.expired': '本次咨询因长时间未操作已失效，请发起新的咨询。',
    'visitor.page.noAgents': '当前没有客服在线，请留言，我们会尽快回复。',
    'visitor.page.unknownWorkgroup': '该咨询入口不可用。',
    'visitor.page.nickname': '您的称呼',
    'visitor.page.topic': '咨询主题（可选）',
    'visitor.page.start': '开始咨询',
    'visitor.page.starting': '正在连接…',
    'visitor.page.leave': '结束咨询',
    'visitor.page.closed': '本次咨询已结束。',
    'visitor.page.closedIdle': '由于长时间没有新消息，本次咨询已自动结束。',
    'visitor.page.closedByAgent': '客服已结束本次咨询。',
    'visitor.page.newChat': '发起新的咨询',
    'visitor.page.waiting': '正在为您分配客服…',
    'visitor.page.connected': '客服已接入。',
    'visitor.page.placeholder': '输入消息…（Enter 发送）',
    'visitor.page.reconnecting': '连接已断开，正在重新连接…',
    'visitor.page.failed': '出错了：{reason}',
    'offer.region': '转接请求',
    'offer.incoming': '{name} 想把 {visitor} 转接给您',
    'offer.outgoing': '已转给 {name}，等待接受：{visitor}',
    'offer.secondsLeft': '剩余 {seconds} 秒',
    'offer.accept': '接受',
    'offer.decline': '拒绝',
    'offer.cancel': '撤回',
    'offer.failed': '操作失败：{reason}',
    'offer.sent': '等待 {name} 接受。',
    'offer.acceptedByThem': '{name} 已接受 {visitor}。',
    'offer.acceptedByMe': '您已接手 {name} 转来的 {visitor}。',
    'offer.declinedByThem': '{name} 拒绝了 {visitor}，会话仍由您处理。',
    'offer.cancelledByThem': '{name} 撤回了 {visitor} 的转接。',
    'offer.expiredSent': '{name} 未及时回应，{visitor} 仍由您处理。',
    'offer.expiredReceived': '{name} 转来的 {visitor} 已超时。',
    'offer.withdrawn': '{name} 转来的 {visitor} 已失效。',
    // 快捷回复
    'quick.open': '快捷回复',
    'quick.title': '快捷回复',
    'quick.hint': '在回复框中输入 / 和几个字母：↑ ↓ 选择，Enter 或 Tab 插入，Esc 关闭。',
    'quick.suggestions': '快捷回复',
    'quick.count': '{count} 条快捷回复匹配：↑ ↓ 选择，Enter 插入，Esc 关闭。',
    'quick.empty': '还没有快捷回复。',
    'quick.scope': '适用范围',
    'quick.scope.PERSONAL': '仅自己',
    'quick.scope.ORGANISATION': '全体客服',
    'quick.new': '新建快捷回复',
    'quick.editing': '编辑 /{shortcut}',
    'quick.shortcut': '快捷词',
    'quick.shortcutHint': '最多 32 个字母、数字、_、- 或 .（不含空格）',
    'quick.content': '内容',
    'quick.save': '保存',
    'quick.cancelEdit': '取消',
    'quick.edit': '编辑',
    'quick.delete': '删除',
    'quick.close': '关闭',
    'quick.saved': '已保存。',
    'quick.deleted': '已删除 /{shortcut}。',
    'quick.failed': '操作失败：{reason}',
    'quick.stale': '这条快捷回复已被他人修改，列表中显示的是新版本。再次保存将以您的内容替换。',
    'quick.loadFailed': '快捷回复加载失败：{reason}',
    'quick.tooLong': '这条快捷回复放不进当前消息。',
  },
});

/** 'zh' for any zh* tag (zh, zh-CN, zh-Hant-TW), else 'en'. */
export function pickLanguage(tags) {
  const list = Array.isArray(tags) ? tags : [tags];
  const first = list.find((tag) => typeof tag === 'string' && tag !== '');
  return first && first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * `navigator` supplies language/languages; `storage` is a Storage-like object
 * (or a function returning one, since merely reading window.localStorage
 * throws where storage is blocked).
 */
export function createI18n({ navigator: nav = globalThis.navigator, storage, messages = MESSAGES } = {}) {
  const store = safeStorage(storage);
  const remembered = store.get(STORAGE_KEY);
  let language = LANGUAGES.includes(remembered) ? remembered
    : pickLanguage([nav?.language, ...(Array.isArray(nav?.languages) ? nav.languages : [])]);
  const listeners = new Set();

  function t(key, params) {
    const text = messages[language]?.[key] ?? messages.en?.[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }

  function setLanguage(next) {
    if (!LANGUAGES.includes(next)) return false;
    store.set(STORAGE_KEY, next);
    if (next === language) return true;
    language = next;
    for (const listener of [...listeners]) {
      try { listener(language); } catch { /* one view's failure is its own */ }
    }
    return true;
  }

  return Object.freeze({
    t,
    get language() { return language; },
    /** The BCP 47 tag for <html lang> and Intl. */
    get locale() { return language === 'zh' ? 'zh-CN' : 'en'; },
    setLanguage,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}

/** get/set that never throw: storage may be missing, blocked, full or read-only. */
export function safeStorage(source) {
  const resolve = () => {
    try {
      return typeof source === 'function' ? source() : source;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        return resolve()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        resolve()?.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        resolve()?.removeItem(key);
        return true;
      } catch {
        return false;
      }
    },
  };
}
