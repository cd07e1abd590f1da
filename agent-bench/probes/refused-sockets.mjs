// Opens console sockets with forged credentials, ten at a time, and counts how each ends. Every one must end with
// 1008; run it against a running console (./run.sh) and count the server log's NullPointerExceptions before and
// after: on Payara 6.2025.10 about one server-initiated close in a hundred fails inside the server (see README,
// Deployment notes). Usage: node --experimental-websocket agent-bench/probes/refused-sockets.mjs [count] [base-url]
const count = Number(process.argv[2] || 1000);
const base = (process.argv[3] || 'ws://127.0.0.1:8080/agent').replace(/^http/, 'ws');
const endings = {};

function one(i) {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${base}/ws?credential=forged${i}`);
    const hung = setTimeout(() => { endings.hung = (endings.hung || 0) + 1; socket.close(); resolve(); }, 10_000);
    socket.onclose = (event) => {
      clearTimeout(hung);
      endings[event.code] = (endings[event.code] || 0) + 1;
      resolve();
    };
  });
}

for (let start = 0; start < count; start += 10) {
  await Promise.all(Array.from({ length: Math.min(10, count - start) }, (_, k) => one(start + k)));
}
console.log(JSON.stringify(endings));
