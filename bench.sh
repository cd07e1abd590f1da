#!/usr/bin/env bash
# Benchmark harness for the agent console (not part of mvn verify). Writes BENCHMARKS.md.
#
#   ./bench.sh                      every phase, embedded H2 (kill -9 check on H2 and PostgreSQL)
#   ./bench.sh --quick              a few-minute smoke of every phase (report in agent-bench/target/BENCHMARKS-quick.md)
#   ./bench.sh --postgres           every phase on PostgreSQL (database agent_bench at 127.0.0.1:5432, user postgres)
#   ./bench.sh --only load,hot,idle,kill,cluster   (cluster: two clustered members on PostgreSQL, cross-member latency)
#   ./bench.sh --port 18180         HTTP port of the server under test (default 18080; keep to 18000-18999)
#
# Builds what is missing (the Micro WAR, the baseline WAR and the driver), raises the open-file limit for the
# 10,000-socket phase and runs the driver, which starts, kills and restarts Payara Micro itself.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -f agent-web/target/agent-micro.war || ! -f agent-web/target/payara-micro.jar || "${BENCH_REBUILD:-}" == 1 ]]; then
  echo "Building the console's Micro WAR..."
  mvn -B -q -DskipTests -pl agent-web -am package
fi
echo "Building the benchmark driver and the bare broadcast WAR..."
mvn -B -q -Pbench -DskipTests -pl agent-bench/bare-broadcast,agent-bench/driver -am package

# Each idle console is a socket on both sides (driver and server): 10,000 consoles need more than the usual 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < 12000 )); then
  echo "warning: open-file limit $(ulimit -n) is below what 10,000 idle consoles need" >&2
fi

echo "uptime: $(uptime)"
exec java -Xmx1g -Xss512k -jar agent-bench/driver/target/agent-bench-driver.jar --repo "$PWD" "$@"
