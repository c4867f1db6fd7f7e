#!/usr/bin/env bash
# Profiles the engine under one load, for docs/benchmarks-notes.md: async-profiler (Maven Central jar
# tools.profiler:async-profiler:4.0) in CPU or wall-clock mode, a GC log, and each process's share of the CPU
# (engine, load generator, provider simulator, PostgreSQL) sampled with ps while the load runs.
#   bench/profile.sh memory-closed | memory-open RATE | postgres-burst     (after bench/run.sh built the jars)
# Writes bench/target/profile/<name>/{cpu.txt,wall.txt,gc.log,cpu-share.txt,load.json}. Stops what it starts.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"; cd "$ROOT"
NAME=$1; RATE=${2:-0}
OUT="$ROOT/bench/target/profile/$NAME"; rm -rf "$OUT"; mkdir -p "$OUT"
JAVA_BIN=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; [ -x "$JAVA_BIN" ] || JAVA_BIN=java
JAR=bench/target/benchmarks.jar; ENGINE=verticles/target/switchboard.jar
AP_JAR=$(ls ~/.m2/repository/tools/profiler/async-profiler/4.0/async-profiler-4.0-linux-x64.jar 2>/dev/null || true)
if [ -z "$AP_JAR" ]; then mvn -B -q -ntp dependency:get -Dartifact=tools.profiler:async-profiler:4.0:jar:linux-x64; fi
AP_JAR=$(ls ~/.m2/repository/tools/profiler/async-profiler/4.0/async-profiler-4.0-linux-x64.jar)
AP_DIR="$ROOT/bench/target/async-profiler"; mkdir -p "$AP_DIR"; (cd "$AP_DIR" && unzip -o -q "$AP_JAR")
LIB=$(find "$AP_DIR" -name libasyncProfiler.so | head -1)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_port() { for _ in $(seq 1 120); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.5; done; return 1; }

mode=memory; extra=(); warmup=30; dur=20
case "$NAME" in
  postgres-burst) mode=postgres; export SB_MAX_UNANSWERED=1000000; warmup=10
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS switchboard_bench" -c "CREATE DATABASE switchboard_bench";;
  memory-open) extra=(--rate "$RATE");;
esac
"$JAVA_BIN" -Xmx1g -cp "$JAR" dev.switchboard.bench.sim.ProviderSimulator --port 9090 > "$OUT/simulator.log" 2>&1 &
SIM=$!; PIDS+=($SIM); wait_port 9090
SB_STORAGE_MODE=$mode "$JAVA_BIN" -Xmx1g ${ENGINE_JAVA_OPTS:-} -Xlog:gc:file="$OUT/gc.log" -jar "$ENGINE" --config bench/config/bench.yaml \
  > "$OUT/engine.log" 2>&1 &
ENG=$!; PIDS+=($ENG); wait_port 8080
"$JAVA_BIN" -cp "$JAR" dev.switchboard.bench.load.WebhookLoad --url http://127.0.0.1:8080/webhooks/demo-whatsapp \
  --sim http://127.0.0.1:9090 --connections 100 --warmup "$warmup" --duration "$dur" --label "$NAME" \
  --out "$OUT/load.json" "${extra[@]}" > "$OUT/load.log" 2>&1 &
LOAD=$!; PIDS+=($LOAD)
sleep "$warmup"
# The measured window: profile the engine (CPU, then the same length wall-clock on event loops) and sample CPU shares.
JCMD="$(dirname "$JAVA_BIN")/jcmd"; [ -x "$JCMD" ] || JCMD=jcmd
half=$(( dur / 2 ))
( for _ in $(seq 1 "$dur"); do
    for p in "engine:$ENG" "load-generator:$LOAD" "simulator:$SIM"; do
      echo "${p%%:*} ${p##*:} $(ps -o pcpu= -p "${p##*:}" | tr -d ' ')"; done
    ps -C postgres -o pcpu= | awk '{s+=$1} END {print "postgres(all)", "-", s}'
    curl -s http://127.0.0.1:8080/metrics | awk '/^sb_turn_backlog /{print "backlog", "-", $2}'
    echo "--"; sleep 1; done ) > "$OUT/cpu-share-raw.txt" &
SAMPLER=$!
# The agent is attached to the running engine (jcmd JVMTI.agent_load), so only the measured window is profiled:
# first on-CPU samples, then wall-clock samples per thread (where event-loop threads wait, not only where they run).
# jcmd splits its arguments at '=': the agent's options go quoted inside the argument.
agent() { "$JCMD" "$ENG" JVMTI.agent_load "$LIB" "\"$1\"" >> "$OUT/agent.log" 2>&1; }
agent "start,event=cpu,interval=1ms"
sleep "$half"
agent "stop,file=$OUT/cpu.collapsed,collapsed"
agent "start,event=wall,interval=5ms,threads"
sleep "$half"
agent "stop,file=$OUT/wall.collapsed,collapsed"
wait "$LOAD" || true
kill "$SAMPLER" 2>/dev/null || true
# Summaries: share of samples per top-level package (cpu), per thread state on event loops (wall).
python3 bench/profile_summary.py "$OUT" > "$OUT/summary.txt" || true
cat "$OUT/summary.txt"
