#!/usr/bin/env bash
# Cluster scaling: the ingest simulation against 1, 2 and 3 clustered nodes on this machine (PostgreSQL inbox,
# Kafka session log), each node pinned to its own core where there are enough. Called by bench/run.sh after its
# other runs (it reuses the simulator on :9090 and the benchmarks jar); runnable alone once those exist:
#   bench/cluster.sh <out-dir>
# Needs PostgreSQL and a Kafka broker (scripts/kafka/kafka.sh start). Stops every node it starts.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"; cd "$ROOT"
OUT="${1:-$ROOT/bench/target/run}"; mkdir -p "$OUT"
DUR=${DURATION:-20}; USERS=${USERS:-64}
trap 'bash scripts/cluster/nodes.sh stop >/dev/null 2>&1 || true' EXIT
settle() { # up to 120 s, until the inbox has nothing unprocessed
  for _ in $(seq 1 120); do
    left=$(psql -h 127.0.0.1 -U postgres -d switchboard_bench -tAc "SELECT count(*) FROM inbox WHERE NOT processed")
    [ "$left" = 0 ] && return 0; sleep 1
  done
}
for n in 1 2 3; do
  echo "== cluster, $n node(s)"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS switchboard_bench" -c "CREATE DATABASE switchboard_bench"
  stamp=$(date +%s)
  SB_CONFIG=bench/config/bench.yaml SB_PG_URL=postgresql://postgres@127.0.0.1:5432/switchboard_bench \
    SB_KAFKA_TOPIC="switchboard.bench.$n.$stamp" SB_KAFKA_GROUP="switchboard-bench-$n-$stamp" PIN=1 SB_HEAP=768m \
    bash scripts/cluster/nodes.sh start "$n" > "$OUT/cluster-$n.nodes" 2>&1
  bases=$(for i in $(seq 1 "$n"); do printf 'http://127.0.0.1:%d,' $((8080 + i)); done); bases=${bases%,}
  # Warm-up as long as the single-node runs' (JIT), at an offered rate the nodes process as it comes, then drained,
  # so the measured run neither pays for compilation nor for the warm-up's backlog.
  mvn -B -ntp -Pbench -pl bench gatling:test -Dgatling.simulationClass=dev.switchboard.bench.gatling.IngestSimulation \
    -Dbases="$bases" -Drate=100 -Dduration="${WARMUP:-45}" > "$OUT/cluster-$n.warm.log" 2>&1 || true
  settle
  mvn -B -ntp -Pbench -pl bench gatling:test -Dgatling.simulationClass=dev.switchboard.bench.gatling.IngestSimulation \
    -Dbases="$bases" -Dusers="$USERS" -Dduration="$DUR" > "$OUT/cluster-$n.log" 2>&1 || true
  # Let the nodes drain, then count what they processed (the ack only promised it is in Kafka).
  settle
  psql -h 127.0.0.1 -U postgres -d switchboard_bench -tAc \
    "SELECT count(*) FILTER (WHERE processed) || ' of ' || count(*) FROM inbox" > "$OUT/cluster-$n.processed"
  bash scripts/cluster/nodes.sh stop >> "$OUT/cluster-$n.nodes" 2>&1
done
cat > "$OUT/cluster-notes.md" <<NOTES
All nodes, the broker, PostgreSQL, Gatling and the simulator share this machine's $(nproc) cores, so more nodes
add coordination (Hazelcast heartbeats, Kafka consumer-group traffic, one more JVM's JIT and GC) without adding
CPU: on one box the cluster shows what the session log costs, not how it scales. Scaling needs a core per node
plus cores for the broker and the database.
NOTES
