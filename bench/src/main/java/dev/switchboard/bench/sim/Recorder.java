package dev.switchboard.bench.sim;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator accepted: per provider counts, each recipient's messages in arrival order, and repeats of one
 * idempotency key (a duplicate send as the provider would see it).
 */
final class Recorder {
  private final Map<String, AtomicLong> byProvider = new ConcurrentHashMap<>();
  private final Map<String, List<String>> byRecipient = new ConcurrentHashMap<>();
  private final Map<String, Integer> keys = new ConcurrentHashMap<>();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong faults = new AtomicLong();
  private final List<Long> latencies = new CopyOnWriteArrayList<>();

  void accepted(String provider, String recipient, String idempotencyKey, String correlation) {
    byProvider.computeIfAbsent(provider, k -> new AtomicLong()).incrementAndGet();
    if (recipient != null) {
      byRecipient.computeIfAbsent(recipient, k -> new CopyOnWriteArrayList<>())
          .add(correlation == null ? "" : correlation);
    }
    // Benchmarks put their send time last in the correlation id: "c12-m3-1795180500123".
    if (correlation != null && correlation.matches(".*-\\d{13}$")) {
      latencies.add(System.currentTimeMillis() - Long.parseLong(correlation.substring(correlation.length() - 13)));
    }
    if (idempotencyKey != null && keys.merge(idempotencyKey, 1, Integer::sum) > 1) {
      duplicates.incrementAndGet();
    }
  }

  void fault() {
    faults.incrementAndGet();
  }

  void reset() {
    byProvider.clear();
    byRecipient.clear();
    keys.clear();
    duplicates.set(0);
    faults.set(0);
    latencies.clear();
  }

  JsonObject stats() {
    JsonObject providers = new JsonObject();
    byProvider.forEach((k, v) -> providers.put(k, v.get()));
    long total = byProvider.values().stream().mapToLong(AtomicLong::get).sum();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new JsonObject().put("accepted", total).put("byProvider", providers).put("duplicates", duplicates.get())
        .put("faults", faults.get()).put("recipients", byRecipient.size())
        .put("webhookToProviderP50Ms", percentile(sorted, 0.50)).put("webhookToProviderP99Ms", percentile(sorted, 0.99))
        .put("outOfOrderRecipients", outOfOrder());
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** Recipients whose replies (by the message number in the correlation id "c12-m3-...") did not arrive in order. */
  private long outOfOrder() {
    long bad = 0;
    for (List<String> seq : byRecipient.values()) {
      int last = -1;
      for (String cid : seq) {
        int m = cid.indexOf("-m");
        if (m < 0) {
          continue;
        }
        int end = cid.indexOf('-', m + 2);
        int n = Integer.parseInt(cid.substring(m + 2, end < 0 ? cid.length() : end));
        if (n <= last) {
          bad++;
          break;
        }
        last = n;
      }
    }
    return bad;
  }

  /** Each recipient's accepted messages, as the correlation ids (or texts) they carried, in arrival order. */
  Map<String, List<String>> sequences() {
    return byRecipient;
  }
}
