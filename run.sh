#!/usr/bin/env bash
# Runs the agent console on this machine.
#
#   ./run.sh            Payara Micro with the Micro WAR, on Payara's embedded default database (no setup)
#   ./run.sh --server   Payara Server 6 (unpacked from the local Maven repository) with the EAR
#
# PORT (default 8080) is the HTTP port. AGENT_DB=postgres switches to PostgreSQL, configured by
# AGENT_DB_HOST (127.0.0.1), AGENT_DB_PORT (5432), AGENT_DB_NAME (test), AGENT_DB_USER (postgres),
# AGENT_DB_PASSWORD (postgres; any value under trust authentication).
# AGENT_CLUSTER=on (Payara Micro, with AGENT_DB=postgres) makes this process a member of a cluster on this machine:
# Payara's data grid finds the members AGENT_CLUSTER_MEMBERS (127.0.0.1:6900,127.0.0.1:6901) and this one listens on
# 6900 + PORT - 8080; changes committed on one member reach consoles on the others through the grid at once. A second
# member: `PORT=8081 AGENT_DB=postgres AGENT_CLUSTER=on ./run.sh` beside the first (PORT 8080, same settings).
# The demo organisation is seeded on first start and a login URL is printed for each demo agent.
set -euo pipefail
cd "$(dirname "$0")"

MODE=micro
[[ "${1:-}" == "--server" ]] && MODE=server
PORT="${PORT:-8080}"
HOST_URL="http://localhost:${PORT}"

# Demo token settings. The secret is the original Bytedesk's published development default, so tokens minted for a
# default Bytedesk dev setup also work here. Never use it in production.
DEMO_SECRET="${AGENT_AUTH_HMAC_SECRET:-1dfaf8d004207b628a9a6b859c429f49a9a7ead9fd8161c1e60847aeef06dbd2}"
DEMO_AGENTS=(alice@example.com bob@example.com carol@example.com)
ALLOWED_ORIGINS="${AGENT_BRIDGE_ALLOWED_ORIGINS:-${HOST_URL},http://127.0.0.1:${PORT}}"

DB="${AGENT_DB:-embedded}"
DB_HOST="${AGENT_DB_HOST:-127.0.0.1}"
DB_PORT="${AGENT_DB_PORT:-5432}"
DB_NAME="${AGENT_DB_NAME:-test}"
DB_USER="${AGENT_DB_USER:-postgres}"
DB_PASSWORD="${AGENT_DB_PASSWORD:-postgres}"

CLUSTER="${AGENT_CLUSTER:-off}"
CLUSTER_MEMBERS="${AGENT_CLUSTER_MEMBERS:-127.0.0.1:6900,127.0.0.1:6901}"
GRID_PORT=$((6900 + PORT - 8080))
# Members must share the key that signs console credentials; the demo uses a fixed one (never in production).
DEMO_CREDENTIAL_KEY="ZGVtby1jb25zb2xlLWNyZWRlbnRpYWwta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE="

APP_PROPERTIES=(
  "agent.demo.seed=true"
  "agent.auth.hmac-secret=${DEMO_SECRET}"
  "agent.auth.auto-provision=true"
  "agent.auth.default-organisation=demo"
  "agent.bridge.allowed-origins=${ALLOWED_ORIGINS}"
)
if [[ "$CLUSTER" == "on" ]]; then
  if [[ "$DB" != "postgres" || "$MODE" != "micro" ]]; then
    echo "AGENT_CLUSTER=on needs Payara Micro and AGENT_DB=postgres: members share one database." >&2
    exit 2
  fi
  if [[ -z "${AGENT_CONSOLE_CREDENTIAL_KEY:-}" ]]; then
    APP_PROPERTIES+=("agent.console.credential-key=${DEMO_CREDENTIAL_KEY}")
  fi
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# An HS384 token shaped like the original's: sub is a JSON string naming the user, iat/exp, no issuer.
mint_token() {
  local username="$1" now exp header payload key_hex signature
  now=$(date +%s); exp=$((now + 7 * 24 * 3600))
  header=$(printf '{"alg":"HS384","typ":"JWT"}' | b64url)
  payload=$(printf '{"sub":"{\\"platform\\":\\"bytedesk\\",\\"username\\":\\"%s\\"}","iat":%d,"exp":%d}' \
    "$username" "$now" "$exp" | b64url)
  key_hex=$(printf '%s' "$DEMO_SECRET" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \n')
  signature=$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha384 -mac HMAC -macopt "hexkey:${key_hex}" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}

urlencode() {
  local text="$1" out="" c i
  for ((i = 0; i < ${#text}; i++)); do
    c="${text:i:1}"
    case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
  done
  printf '%s' "$out"
}

print_login_urls() {
  echo
  echo "Agent console is up on ${HOST_URL}/agent/  (database: ${DB})"
  echo "Log in as a demo agent (tokens valid for 7 days):"
  for agent in "${DEMO_AGENTS[@]}"; do
    echo "  ${agent}: ${HOST_URL}/agent/auth/login?accessToken=$(mint_token "$agent")"
  done
  echo "Visitor chat page: ${HOST_URL}/agent/visitor/?workgroup=wg-sales"
  # The portal (localhost) embeds the console from another origin (127.0.0.1), as an intranet portal would.
  local embedded="http://127.0.0.1:${PORT}/agent/auth/login?accessToken=$(mint_token "${DEMO_AGENTS[0]}")"
  echo "Demo intranet portal embedding the console: ${HOST_URL}/agent/demo/portal.html#console=$(urlencode "$embedded")"
  echo "Stop with Ctrl-C."
  echo
}

wait_until_up() {
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "${HOST_URL}/agent/api/v1/visitor/workgroups/wg-sales" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  echo "The console did not come up within 3 minutes; see the server log." >&2
  return 1
}

write_postgres_commands() {
  cat > "$1" <<ASADMIN
create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource --statementcachesize=64 --property=serverName=${DB_HOST}:portNumber=${DB_PORT}:databaseName=${DB_NAME}:user=${DB_USER}:password=${DB_PASSWORD} agent-console-pool
set resources.jdbc-resource.jdbc/__default.pool-name=agent-console-pool
ASADMIN
}

run_micro() {
  local war=agent-web/target/agent-micro.war micro=agent-web/target/payara-micro.jar
  if [[ ! -f "$war" || ! -f "$micro" ]]; then
    echo "Building the console (first run)..."
    mvn -B -q -DskipTests -pl agent-web -am package
  fi
  # H2 keeps 8 parsed statements per connection by default; a message's transaction uses about 14, so every
  # statement was parsed again (~9 % of CPU under load). PostgreSQL gets a pool statement cache instead.
  local java_opts=(-Xmx512m -Dh2.queryCacheSize=64) micro_opts=(--deploy "$war" --contextroot agent --port "$PORT")
  if [[ "$CLUSTER" == "on" ]]; then
    micro_opts+=(--clustername agent-console-demo --interfaces 127.0.0.1 --startport "$GRID_PORT"
      --clustermode "tcpip:${CLUSTER_MEMBERS}")
  else
    micro_opts+=(--nohazelcast)
  fi
  for property in "${APP_PROPERTIES[@]}"; do java_opts+=("-D${property}"); done
  # Micro's root directory keeps its domain configuration between runs. The embedded database lives there, so the
  # embedded run keeps its own; a PostgreSQL run starts from an empty one every time, or the connection pool created
  # by an earlier run (with other AGENT_DB_* settings) would silently win over the settings given now.
  local rootdir=agent-web/target/run-micro
  if [[ "$DB" != "postgres" ]]; then
    # Keep the embedded database, drop the rest: a root directory left by an earlier run also holds its deployed
    # copy of the application, which Micro would load beside the one given now (two deployments).
    local kept=agent-web/target/run-micro-databases
    rm -rf "$kept"
    [[ -d "$rootdir/lib/databases" ]] && mv "$rootdir/lib/databases" "$kept"
    rm -rf "$rootdir"
    if [[ -d "$kept" ]]; then mkdir -p "$rootdir/lib" && mv "$kept" "$rootdir/lib/databases"; fi
  fi
  if [[ "$DB" == "postgres" ]]; then
    rootdir=agent-web/target/run-micro-postgres
    if [[ "$CLUSTER" == "on" ]]; then rootdir+="-${PORT}"; fi
    rm -rf "$rootdir"
    write_postgres_commands "$rootdir.asadmin"
    micro_opts+=(--addLibs agent-web/target/postgresql.jar --postbootcommandfile "$rootdir.asadmin")
  fi
  micro_opts+=(--rootdir "$rootdir")
  local log=agent-web/target/run-micro.log
  if [[ "$CLUSTER" == "on" ]]; then log=agent-web/target/run-micro-${PORT}.log; fi
  echo "Starting Payara Micro; its log: ${log}"
  java "${java_opts[@]}" -jar "$micro" "${micro_opts[@]}" >"$log" 2>&1 &
  local pid=$!
  show_problems "$log" &
  local shower=$!
  trap 'kill "$pid" "$shower" 2>/dev/null; wait "$pid" 2>/dev/null' INT TERM EXIT
  wait_until_up && print_login_urls
  wait "$pid"
}

# The server log is long (certificate dumps, every module's start): show only errors and our own warnings.
show_problems() {
  tail -n +1 -F "$1" 2>/dev/null | grep -a --line-buffered -E 'SEVERE|(WARNING.*dev\.agentconsole)|Unsafe for production' \
    | sed -u -E 's/\x1b\[[0-9;]*m//g; s/^\[([^]]*)\] \[[^]]*\] \[([A-Z]+)\] \[[^]]*\] \[([^]]*)\].*\[levelValue: [0-9]+\] /\1 \2 \3: /'
}

run_server() {
  local ear=agent-ear/target/agent.ear home=agent-ear/target/payara-server/payara6
  if [[ ! -f "$ear" ]]; then
    echo "Building the EAR (first run)..."
    mvn -B -q -DskipTests package
  fi
  if [[ ! -x "$home/bin/asadmin" ]]; then
    echo "Unpacking Payara Server from the local Maven repository..."
    mvn -B -q -pl agent-ear dependency:unpack@payara-server-for-tests
  fi
  local asadmin="$home/bin/asadmin" domains=agent-ear/target/run-domains portbase=$((PORT - 80))
  local admin=$((portbase + 48))
  "$asadmin" --interactive=false delete-domain --domaindir "$domains" agent-run >/dev/null 2>&1 || true
  "$asadmin" --interactive=false create-domain --nopassword --portbase "$portbase" --domaindir "$domains" agent-run
  "$asadmin" start-domain --domaindir "$domains" agent-run
  trap '"$asadmin" stop-domain --domaindir "$domains" agent-run' INT TERM EXIT
  "$asadmin" --port "$admin" create-system-properties "$(IFS=:; echo "${APP_PROPERTIES[*]//:/\\:}")"
  if [[ "$DB" == "postgres" ]]; then
    mvn -B -q -pl agent-web dependency:copy@runtime-beside-war >/dev/null 2>&1 || true
    "$asadmin" --port "$admin" add-library agent-web/target/postgresql.jar
    "$asadmin" --port "$admin" restart-domain --domaindir "$domains" agent-run
    local commands; commands=$(mktemp)
    write_postgres_commands "$commands"
    "$asadmin" --port "$admin" multimode --file "$commands"
  fi
  "$asadmin" --port "$admin" deploy --name agent-console "$ear"
  wait_until_up && print_login_urls
  echo "Server log: $domains/agent-run/logs/server.log"
  show_problems "$domains/agent-run/logs/server.log"
}

if [[ "$MODE" == "server" ]]; then run_server; else run_micro; fi
