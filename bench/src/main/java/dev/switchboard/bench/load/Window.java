package dev.switchboard.bench.load;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and statuses of one measurement window (thread-safe; sorted once at the end for percentiles). */
final class Window {
  private long[] micros = new long[1 << 20];
  private int count;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private boolean closed;

  synchronized void record(int status, long nanos) {
    if (closed) {
      return;
    }
    if (count == micros.length) {
      micros = Arrays.copyOf(micros, micros.length * 2);
    }
    micros[count++] = nanos / 1000;
    statuses.merge(status, 1, Integer::sum);
  }

  synchronized void close() {
    closed = true;
  }

  synchronized JsonObject summary(int seconds) {
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    JsonObject codes = new JsonObject();
    statuses.forEach((k, v) -> codes.put(String.valueOf(k), v));
    int ok = statuses.getOrDefault(200, 0);
    return new JsonObject().put("requests", count).put("ok", ok).put("rps", Math.round(ok / (double) seconds))
        .put("statuses", codes)
        .put("p50ms", ms(sorted, 0.50)).put("p90ms", ms(sorted, 0.90)).put("p99ms", ms(sorted, 0.99))
        .put("p999ms", ms(sorted, 0.999)).put("maxms", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
  }

  private static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return Math.round(sorted[Math.max(0, i)] / 100.0) / 10.0;
  }
}
