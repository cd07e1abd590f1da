import test from 'node:test';
import assert from 'node:assert/strict';
import { createEventSocket } from '../../main/webapp/js/socket.js';
import { SUPERVISOR_MESSAGES, supervisorMessages } from '../../main/webapp/js/supervisor-i18n.js';
import { MESSAGES } from '../../main/webapp/js/i18n.js';

test('a board frame (no sequence) reaches onOther and moves no cursor; events still reach onEvent', () => {
  const sockets = [];
  class FakeWebSocket {
    constructor(url) { this.url = url; sockets.push(this); }
    send() {}
    close() {}
  }
  const boards = [];
  const events = [];
  const socket = createEventSocket({
    url: 'ws://example.test/agent/ws?board=1',
    WebSocket: FakeWebSocket,
    getCredential: () => 'cred',
    setTimeout: () => 0,
    clearTimeout: () => {},
    onOther: (frame) => boards.push(frame),
    onEvent: (frame) => events.push(frame),
  });
  socket.start();
  const ws = sockets[0];
  assert.match(ws.url, /\?board=1&credential=cred$/);
  ws.onopen({});
  ws.onmessage({ data: JSON.stringify({ type: 'hello', seq: 4, cursors: { agent: 4 } }) });
  ws.onmessage({ data: JSON.stringify({ type: 'board', data: { at: 1, agents: [] } }) });
  ws.onmessage({ data: JSON.stringify({ stream: 'agent', seq: 5, type: 'agent_status_changed', data: {} }) });
  assert.deepEqual(boards.map((frame) => frame.data.at), [1]);
  assert.deepEqual(events.map((frame) => frame.seq), [5]);
  assert.deepEqual(socket.cursors, { agent: 5 });
  socket.stop();
});

test('every supervisor text exists in both languages and joins the console text', () => {
  assert.deepEqual(Object.keys(SUPERVISOR_MESSAGES.zh).sort(), Object.keys(SUPERVISOR_MESSAGES.en).sort());
  const merged = supervisorMessages();
  assert.equal(merged.zh['sup.title'], '主管视图');
  assert.equal(merged.en['status.BUSY'], MESSAGES.en['status.BUSY'], 'status names come from the console');
  assert.equal(MESSAGES.zh['app.supervisor'], '主管视图');
});
