#!/usr/bin/env bash
# N Switchboard nodes on loopback, clustered (Hazelcast TCP-IP) and sharing PostgreSQL and a Kafka broker.
#   scripts/cluster/nodes.sh start N   start nodes 1..N (HTTP 8081.., Hazelcast 5701..), wait until each is ready
#   scripts/cluster/nodes.sh stop      stop the nodes this script started, by PID
#   scripts/cluster/nodes.sh status
# Needs the engine jar (mvn -DskipTests package), PostgreSQL (scripts/services/postgres.sh) and Kafka
# (scripts/kafka/kafka.sh start). Settings from the environment:
#   SB_CONFIG (config/switchboard.yaml)  SB_PG_URL  SB_KAFKA_BOOTSTRAP (127.0.0.1:9092)  SB_HTTP_BASE (8080)
#   SB_CLUSTER_BASE (5700)  SB_HEAP (512m)  PIN=1 pins node i to CPU (i-1) mod nproc with taskset
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUN="$ROOT/run/cluster"; mkdir -p "$RUN"
JAR="$ROOT/verticles/target/switchboard.jar"
CONFIG="${SB_CONFIG:-$ROOT/config/switchboard.yaml}"
HTTP_BASE="${SB_HTTP_BASE:-8080}"; HZ_BASE="${SB_CLUSTER_BASE:-5700}"

listening() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }

start() {
  local n=${1:?usage: nodes.sh start N}
  [ -f "$JAR" ] || { echo "no $JAR: run mvn -B -ntp -DskipTests package" >&2; exit 1; }
  local members="" i
  for i in $(seq 1 "$n"); do members="$members${members:+, }\"127.0.0.1:$((HZ_BASE + i))\""; done
  for i in $(seq 1 "$n"); do
    local pin=()
    if [ "${PIN:-0}" = 1 ] && command -v taskset >/dev/null; then pin=(taskset -c $(( (i - 1) % $(nproc) ))); fi
    SB_STORAGE_MODE=postgres SB_CLUSTER=true SB_NODE_ID="node-$i" SB_HTTP_PORT=$((HTTP_BASE + i)) \
    SB_CLUSTER_PORT=$((HZ_BASE + i)) SB_CLUSTER_MEMBERS="[$members]" \
    SB_KAFKA_BOOTSTRAP="${SB_KAFKA_BOOTSTRAP:-127.0.0.1:9092}" \
      nohup "${pin[@]}" java -Xmx"${SB_HEAP:-512m}" -jar "$JAR" --config "$CONFIG" > "$RUN/node-$i.log" 2>&1 &
    echo $! > "$RUN/node-$i.pid"
  done
  for i in $(seq 1 "$n"); do
    local port=$((HTTP_BASE + i)) ok=0
    for _ in $(seq 1 240); do
      if curl -sf "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then ok=1; break; fi
      kill -0 "$(cat "$RUN/node-$i.pid")" 2>/dev/null || break
      sleep 0.5
    done
    [ $ok = 1 ] || { echo "node-$i not ready, see $RUN/node-$i.log" >&2; tail -20 "$RUN/node-$i.log" >&2; exit 1; }
    echo "node-$i ready on http://127.0.0.1:$port (pid $(cat "$RUN/node-$i.pid"))"
  done
}

stop() {
  local f pid
  for f in "$RUN"/node-*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$f"; echo "stopped $(basename "$f" .pid) (pid $pid)"
  done
}

status() {
  local f
  for f in "$RUN"/node-*.pid; do
    [ -f "$f" ] || { echo "no nodes started"; return 0; }
    local i; i=$(basename "$f" .pid | sed 's/node-//')
    echo "node-$i pid $(cat "$f"): $(curl -s "http://127.0.0.1:$((HTTP_BASE + i))/ready" || echo unreachable)"
  done
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start N|stop|status" >&2; exit 2 ;;
esac
