#!/usr/bin/env bash
# A single-node Kafka broker (KRaft, combined broker+controller) on 127.0.0.1:9092, from Maven Central jars.
#   kafka.sh start   fetch jars once, format storage once, launch, wait until it listens (PID in .kafka/kafka.pid)
#   kafka.sh stop    stop the broker this script started, by its PID
#   kafka.sh status
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HOME_DIR="${SB_KAFKA_HOME:-$ROOT/.kafka}"
LIBS="$HOME_DIR/libs"; DATA="$HOME_DIR/data"; PIDFILE="$HOME_DIR/kafka.pid"; LOG="$HOME_DIR/kafka.log"
PROPS="$HOME_DIR/server.properties"

listening() { (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null; }

start() {
  if listening; then echo "kafka: already listening on 127.0.0.1:9092"; return 0; fi
  mkdir -p "$HOME_DIR"
  if [ ! -f "$LIBS/.complete" ]; then
    echo "kafka: fetching broker jars"
    mvn -B -q -ntp -f "$ROOT/scripts/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LIBS" -DincludeScope=runtime
    touch "$LIBS/.complete"
  fi
  cat > "$PROPS" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=6
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$DATA/meta.properties" ]; then
    cid=$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$LIBS/*" kafka.tools.StorageTool format -t "$cid" -c "$PROPS" >"$HOME_DIR/format.log" 2>&1
  fi
  echo "kafka: starting"
  nohup java -Xmx512m -cp "$LIBS/*" kafka.Kafka "$PROPS" >"$LOG" 2>&1 &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 120); do
    if listening; then echo "kafka: ready on 127.0.0.1:9092 (pid $(cat "$PIDFILE"))"; return 0; fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then echo "kafka: exited, see $LOG" >&2; tail -20 "$LOG" >&2; return 1; fi
    sleep 0.5
  done
  echo "kafka: not listening after 60 s, see $LOG" >&2; return 1
}

stop() {
  [ -f "$PIDFILE" ] || { echo "kafka: not started by this script"; return 0; }
  pid=$(cat "$PIDFILE")
  # Only the broker this script launched (its command line names our properties file), never a reused PID.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$PROPS"; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$PIDFILE"
  echo "kafka: stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if listening; then echo "kafka: listening"; else echo "kafka: down"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
