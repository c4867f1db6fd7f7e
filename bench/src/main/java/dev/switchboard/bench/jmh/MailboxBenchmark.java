package dev.switchboard.bench.jmh;

import dev.switchboard.engine.session.KeyedMailboxes;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-key ordered mailbox: submitting to few keys (contention: every task queues behind its key's previous
 * one) versus many keys (no contention). One shard is single-threaded by design, so this measures its own cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MailboxBenchmark {
  @Param({"1", "16", "10000"})
  public int keys;

  private KeyedMailboxes<Integer> boxes;
  private int next;

  @Setup
  public void setUp() {
    boxes = new KeyedMailboxes<>(1_000_000, 1_000_000);
  }

  @Benchmark
  public Future<Integer> submit() {
    int key = next++ % keys;
    return boxes.submit(key, () -> Future.succeededFuture(key));
  }
}
