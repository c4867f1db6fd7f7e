#!/usr/bin/env bash
# One command for every number in docs/benchmarks.md: builds, starts the provider simulator, the reference server
# and the engine (memory, then PostgreSQL), runs JMH and the Gatling simulations, writes docs/benchmarks.md.
# Every process it starts it stops, by PID. Traffic goes to 127.0.0.1 only.
#   bench/run.sh            full run (~10 min on 2 cores)
#   QUICK=1 bench/run.sh    shorter runs, for trying the script
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/target/run"; mkdir -p "$OUT"
DUR=${DURATION:-20}; WARMUP=${WARMUP:-45}; USERS=${USERS:-64}; CONTACTS=${CONTACTS:-1000}; MESSAGES=${MESSAGES:-20}
if [ "${QUICK:-0}" = 1 ]; then DUR=8; WARMUP=10; CONTACTS=200; MESSAGES=10; fi
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_port() { for _ in $(seq 1 120); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.5; done; echo "port $1 not open" >&2; return 1; }
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

echo "== build"
mvn -B -q -ntp -DskipTests install
mvn -B -q -ntp -DskipTests -Pbench -pl bench package
JAR=bench/target/benchmarks.jar; ENGINE=verticles/target/switchboard.jar

gatling() { # simulation, label, extra -D...
  local sim=$1 label=$2; shift 2
  mvn -B -ntp -Pbench -pl bench gatling:test -Dgatling.simulationClass="dev.switchboard.bench.gatling.$sim" "$@" \
    > "$OUT/$label.log" 2>&1 || true
  local stats; stats=$(ls -td bench/target/gatling/*/ 2>/dev/null | head -1)
  echo "$stats" > "$OUT/$label.dir"
  grep -E "request count|mean requests/sec|(50th|95th|99th) percentile|min response|OK=|KO=" "$OUT/$label.log" \
    | head -20 > "$OUT/$label.summary" || true
}
metric() { grep -m1 "$2" "$OUT/$1.summary" | sed -E 's/.*: *//; s/ *\(.*//; s/[^0-9.]*$//' | awk '{print $1}'; }
rps() { grep -m1 "mean requests/sec" "$OUT/$1.log" | awk -F'|' '{print $2}' | tr -d ' ' ; }
pct() { grep -m1 "$2 percentile" "$OUT/$1.log" | awk -F'|' '{print $2}' | tr -d ' '; }
kos() { grep -m1 "request count" "$OUT/$1.log" | awk -F'|' '{print $4}' | tr -d ' '; }

SIM_PID=""
sim_start() { # a fresh simulator per phase: it records every request, and a full heap would stall the next phase
  [ -n "$SIM_PID" ] && stop_pid "$SIM_PID"
  java -Xmx1g -cp "$JAR" dev.switchboard.bench.sim.ProviderSimulator --port 9090 >> "$OUT/simulator.log" 2>&1 &
  SIM_PID=$!; PIDS+=($SIM_PID); wait_port 9090
}
echo "== provider simulator"
sim_start
sim() { curl -s -X "$1" "http://127.0.0.1:9090/_sim/$2" ${3:+-H 'content-type: application/json' -d "$3"}; }

echo "== JMH"
java -jar "$JAR" -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1 || true

echo "== idle heap"
java -Xmx3g -cp "$JAR" dev.switchboard.bench.IdleHeap 100000 > "$OUT/idle.log" 2>&1 || true

echo "== reference server"
java -Xmx1g -cp "$JAR" dev.switchboard.bench.ref.ReferenceServer --port 8090 --simulator http://127.0.0.1:9090 \
  > "$OUT/reference.log" 2>&1 &
REF=$!; PIDS+=($REF); wait_port 8090
# Every server gets the same warm-up traffic first, so the measured runs compare steady states. 45 s, not 10: with
# 10 s the engine (far more code than the reference) was still being compiled by C2 during the measured run, and
# the two JIT threads took a core from it (41% of its CPU samples), which cut its figure by up to 4x.
gatling IngestSimulation warm-reference -Dbase=http://127.0.0.1:8090 -Dpath=/ -Dusers="$USERS" -Dduration="$WARMUP"
gatling IngestSimulation ingest-reference -Dbase=http://127.0.0.1:8090 -Dpath=/ -Dusers="$USERS" -Dduration="$DUR"
stop_pid $REF

# Every acknowledged webhook still has a turn and a reply to go through: wait until the engine has processed what
# the previous phase left (inbox empty) and the simulator has seen every reply settle, so phases do not overlap.
drain() { # [max seconds, default 120]
  for _ in $(seq 1 $(( ${1:-120} * 2 ))); do
    left=$(curl -s http://127.0.0.1:8080/ready | sed -n 's/.*"unprocessed":\([0-9]*\).*/\1/p')
    [ "${left:-1}" = 0 ] && { sleep 2; return 0; }
    sleep 0.5
  done
  echo "drain: engine still busy after ${1:-120} s" >&2
}
# Waits (up to 120 s) until the simulator accepted every reply of a conversations run, then saves its stats.
sim_settle() {
  local want=$1 out=$2
  for _ in $(seq 1 240); do
    sim GET stats > "$out"
    got=$(sed -n 's/.*"accepted":\([0-9]*\).*/\1/p' "$out")
    [ "${got:-0}" -ge "$want" ] && return 0
    sleep 0.5
  done
}

engine() { # storage mode
  SB_STORAGE_MODE=$1 java -Xmx1g -jar "$ENGINE" --config bench/config/bench.yaml > "$OUT/engine-$1.log" 2>&1 &
  ENGINE_PID=$!; PIDS+=($ENGINE_PID); wait_port 8080
}

echo "== engine, memory"
sim_start
engine memory
gatling IngestSimulation warm-memory -Dusers="$USERS" -Dduration="$WARMUP"
drain
gatling IngestSimulation ingest-memory -Dusers="$USERS" -Dduration="$DUR"
for rate in ${RATES:-500 1000 2000}; do # open model: offered load that does not wait for the server
  drain
  gatling IngestSimulation "rate-$rate" -Drate="$rate" -Dduration=10
done
drain
sim POST reset >/dev/null
gatling ConversationsSimulation conversations -Dcontacts="$CONTACTS" -Dmessages="$MESSAGES"
sim_settle $((CONTACTS * MESSAGES)) "$OUT/conversations-sim.json"; drain
sim POST reset >/dev/null; sim POST config '{"p429":0.10,"p5xx":0.05,"retryAfter":true}' >/dev/null
gatling ConversationsSimulation faults -Dcontacts="$CONTACTS" -Dmessages="$MESSAGES" -Drun=faults
sim_settle $((CONTACTS * MESSAGES)) "$OUT/faults-sim.json"
sim POST config '{}' >/dev/null
stop_pid $ENGINE_PID

echo "== engine, PostgreSQL"
if pg_isready -h 127.0.0.1 -q 2>/dev/null; then
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS switchboard_bench" -c "CREATE DATABASE switchboard_bench"
  sim_start
  engine postgres
  # Open model for this warm-up: the closed model would leave ~1,000 events/s in the inbox for a database that
  # processes a few hundred per second here, and the measured run would overlap that backlog.
  gatling IngestSimulation warm-postgres -Drate=300 -Dduration="$WARMUP"
  drain 300
  processed() { psql -h 127.0.0.1 -U postgres -d switchboard_bench -tAc "SELECT count(*) FILTER (WHERE processed) FROM inbox"; }
  before=$(processed); start=$(date +%s)
  gatling IngestSimulation ingest-postgres -Dusers="$USERS" -Dduration="$DUR"
  # Acknowledged means durable in the inbox; processing (turn, reply) follows at its own pace: record both.
  after=$(processed); took=$(( $(date +%s) - start ))
  echo "$(( (after - before) / (took > 0 ? took : 1) )) events/s processed while ingesting ($((after - before)) in ${took} s)" \
    > "$OUT/ingest-postgres.processed"
  stop_pid $ENGINE_PID
fi

if pg_isready -h 127.0.0.1 -q 2>/dev/null; then
  # The broker runs only for this part (idle, it still costs CPU the single-node runs should have).
  started_kafka=0
  if ! (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null; then bash scripts/kafka/kafka.sh start; started_kafka=1; fi
  sim_start
  DURATION="$DUR" WARMUP="$WARMUP" USERS="$USERS" bash bench/cluster.sh "$OUT" || echo "cluster run failed, see $OUT/cluster-*.nodes"
  [ $started_kafka = 1 ] && bash scripts/kafka/kafka.sh stop
else
  echo "== cluster: skipped (needs PostgreSQL)"
fi

echo "== report"
java -Dwarmup="$WARMUP" -cp "$JAR" dev.switchboard.bench.Report "$OUT" docs/benchmarks.md
echo "wrote docs/benchmarks.md"
