#!/usr/bin/env python3
"""Summarises bench/profile.sh output: CPU shares per process, on-CPU samples by component, wall-clock samples of
event-loop threads by what they were doing, and GC pauses. Prints plain text for docs/benchmarks-notes.md."""
import collections, os, re, sys

out = sys.argv[1]

def read(name):
    p = os.path.join(out, name)
    return open(p).read() if os.path.exists(p) else ""

# CPU share per process, averaged over the samples (100% = one core).
shares = collections.defaultdict(list)
for line in read("cpu-share-raw.txt").splitlines():
    parts = line.split()
    if len(parts) == 3:
        shares[parts[0]].append(float(parts[2]))
backlog = shares.pop("backlog", [])
print("CPU per process over the measured window (100% = one core):")
for name, values in sorted(shares.items(), key=lambda kv: -sum(kv[1]) / len(kv[1])):
    print(f"  {name:16s} {sum(values) / len(values):6.0f}%")
if backlog:
    print(f"Turn backlog (acknowledged, not yet answered) sampled each second: min {min(backlog):.0f}, "
          f"median {sorted(backlog)[len(backlog) // 2]:.0f}, max {max(backlog):.0f}")

COMPONENTS = [
    ("C2/C1 JIT compiler", r"CompileBroker|C2Compiler|Compile::|C1_|CompilerThread"),
    ("GC", r"G1|GC|Gang|ConcurrentMark|ParallelTask|WorkerThread::run"),
    ("PostgreSQL client", r"io/vertx/pgclient|io/vertx/sqlclient"),
    ("HTTP server/client (Vert.x, Netty)", r"io/vertx/core/http|io/netty/handler/codec/http|io/vertx/ext/web"),
    ("Netty I/O and event loop", r"io/netty"),
    ("Jackson", r"com/fasterxml/jackson"),
    ("intent classifier", r"dev/switchboard/engine/ai/intent"),
    ("Switchboard session", r"dev/switchboard/session|dev/switchboard/engine/session"),
    ("Switchboard outbound", r"dev/switchboard/outbound|dev/switchboard/engine/outbound"),
    ("Switchboard edge/normalizer", r"dev/switchboard/edge|dev/switchboard/normalize|dev/switchboard/engine/channel"),
    ("Switchboard stores", r"dev/switchboard/store|dev/switchboard/engine/store"),
    ("event bus", r"io/vertx/core/eventbus"),
    ("logging", r"ch/qos/logback|org/slf4j|net/logstash"),
    ("Micrometer", r"io/micrometer"),
    ("kernel / syscalls", r"\[k\]|^.*_\[k\]|syscall|epoll|write|read"),
]

GENERIC = ("Netty I/O and event loop", "kernel / syscalls")

def classify(stack):
    """The component of the frame nearest the leaf that belongs to one (event-loop plumbing only if nothing else)."""
    frames = stack.split(";")
    for frame in reversed(frames):
        for name, pattern in COMPONENTS:
            if name not in GENERIC and re.search(pattern, frame):
                return name
    for frame in reversed(frames):
        for name, pattern in COMPONENTS:
            if name in GENERIC and re.search(pattern, frame):
                return name
    return "other"

def app_frame(stack):
    """The innermost frame of our code or of a library we call, to say where a thread waits."""
    for frame in reversed(stack.split(";")):
        if re.search(r"dev/switchboard|ch/qos/logback|io/micrometer|io/vertx/(?!core/impl)|com/fasterxml", frame):
            return frame
    return stack.split(";")[-1]

def summarise(name, title):
    text = read(name)
    if not text.strip():
        return
    totals = collections.Counter()
    total = 0
    for line in text.splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        totals[classify(stack)] += n
    print(f"\n{title} ({total} samples):")
    for comp, n in totals.most_common(12):
        print(f"  {comp:36s} {100.0 * n / total:5.1f}%")

summarise("cpu.collapsed", "On-CPU samples of the engine, by the first matching component in the stack")

# Wall clock on event-loop threads: running, waiting in epoll (idle), or blocked.
wall = read("wall.collapsed")
if wall.strip():
    states = collections.Counter()
    blocked = collections.Counter()
    total = 0
    for line in wall.splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit() or "vert.x-eventloop" not in stack:
            continue
        n = int(count)
        total += n
        if "epoll_wait" in stack or "EPoll.wait" in stack or "epollWait" in stack:
            states["idle (waiting in epoll)"] += n
        elif re.search(r"park|Unsafe\.park|LockSupport|Object\.wait|futex", stack):
            states["blocked on a lock or park"] += n
            blocked[app_frame(stack)] += n
        else:
            states["running or runnable: " + classify(stack)] += n
    print(f"\nWall-clock samples of the event-loop threads ({total} samples):")
    for state, n in states.most_common(10):
        print(f"  {state:56s} {100.0 * n / max(total, 1):5.1f}%")
    if blocked:
        print("  where event-loop threads blocked (innermost application frame):")
        for frame, n in blocked.most_common(6):
            print(f"    {100.0 * n / max(total, 1):5.1f}%  {frame}")

# GC pauses from -Xlog:gc.
pauses = [float(m) for m in re.findall(r"Pause.*?([0-9.]+)ms", read("gc.log"))]
if pauses:
    pauses.sort()
    print(f"\nGC pauses over the whole run: {len(pauses)}, median {pauses[len(pauses) // 2]:.1f} ms, "
          f"p99 {pauses[int(len(pauses) * 0.99) - 1 if len(pauses) > 1 else 0]:.1f} ms, max {pauses[-1]:.1f} ms, "
          f"total {sum(pauses) / 1000:.1f} s")
load = read("load.json")
if load:
    print("\nLoad: " + load[:300])
