package dev.switchboard.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one bench/run.sh run (its output folder) into docs/benchmarks.md. */
public final class Report {
  private final Path dir;

  private Report(Path dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws IOException {
    Report r = new Report(Path.of(args[0]));
    Files.writeString(Path.of(args[1]), r.render());
    // The simulator's order and duplicate checks fail the run (after the report is written, so it can be read).
    for (String run : new String[] {"conversations-sim.json", "faults-sim.json"}) {
      JsonObject sim = r.json(run);
      if (sim.getLong("outOfOrderRecipients", 0L) > 0 || sim.getLong("duplicates", 0L) > 0) {
        System.err.println("FAILED " + run + ": " + sim.getLong("outOfOrderRecipients", 0L)
            + " recipients out of order, " + sim.getLong("duplicates", 0L) + " duplicates");
        System.exit(3);
      }
    }
  }

  private String render() throws IOException {
    IngestResults ingest = new IngestResults(dir);
    JsonObject conv = json("conversations-sim.json");
    JsonObject faults = json("faults-sim.json");
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append("Measured by `bench/run.sh` on ").append(LocalDate.now()).append(": ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(read("jdk.txt").trim())
        .append(", heap for the engine and the reference -Xmx1g, the engine with its shipped configuration (bench.yaml: ")
        .append("the demo tenant, replies to the provider simulator). Each server gets ").append(System.getProperty(
            "warmup", "30")).append(" s of the same traffic before 20 s are measured (`WebhookLoad`: signed WhatsApp ")
        .append("webhooks of ~1 KB, every message a new contact, 5% repeats, 100 connections). The load generator, ")
        .append("the provider simulator and the server share the same 2 cores, so every figure stands next to the ")
        .append("reference's from the same run, and the two alternate twice.\n\n")
        .append("*Answered/s* is what the provider simulator accepted in the measured window: for the engine, a turn ")
        .append("(state machine, rules AI, a commit) and its reply through the outbox; for the reference, the ")
        .append("forwarded message. *Sustained* is the lower of acknowledged/s and answered/s.\n\n");
    md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    for (String pair : new String[] {"1", "2"}) {
      double engine = ingest.sustained("memory-" + pair);
      double reference = ingest.sustained("reference-" + pair);
      row(md, "memory, closed model: sustained ≥ 0.5× reference (run " + pair + ")",
          IngestResults.ratio(engine, reference), engine > 0 && engine >= 0.5 * reference);
      double p99 = ingest.p99("memory-" + pair);
      row(md, "memory, closed model: ack p99 ≤ 50 ms (run " + pair + ")", fmt(p99) + " ms (reference "
          + fmt(ingest.p99("reference-" + pair)) + " ms)", p99 >= 0 && p99 <= 50);
      row(md, "every accepted message answered exactly once (run " + pair + ")", ingest.once("memory-" + pair),
          ingest.answeredOnce("memory-" + pair));
    }
    JsonObject open = ingest.get("open-memory");
    JsonObject openMax = json("open-max.json");
    row(md, "open model at 70% of the engine's maximum sustainable open rate (" + openMax.getInteger("maxSustained", 0)
        + "/s in 10 s steps): ack p99 < 100 ms", fmt(open.getDouble("p99ms", -1.0))
        + " ms at " + open.getInteger("offered", 0) + "/s", open.getDouble("p99ms", 1e9) < 100);
    row(md, "open model: no multi-second stall", "max " + fmt(open.getDouble("maxms", -1.0)) + " ms",
        open.getDouble("maxms", 1e9) < 1000);
    double pgAcks = ingest.acks("postgres");
    double refAcks = Math.max(ingest.acks("reference-1"), ingest.acks("reference-2"));
    row(md, "PostgreSQL: ingest ≥ 0.4× reference, sustained with full processing",
        IngestResults.ratio(pgAcks, refAcks), pgAcks >= 0.4 * refAcks);
    double burst = ingest.acks("postgres-burst");
    row(md, "PostgreSQL: ingest ≥ 0.4× reference, a burst into the durable inbox", IngestResults.ratio(burst, refAcks),
        burst >= 0.4 * refAcks);
    double pgTurns = ingest.sustained("postgres");
    row(md, "PostgreSQL: ≥ 1,000 turns with their replies per second, sustained", fmt(pgTurns) + " /s",
        pgTurns >= 1000);
    row(md, "PostgreSQL: every accepted message answered exactly once", ingest.once("postgres"),
        ingest.answeredOnce("postgres"));
    long perConversation = idleBytes();
    row(md, "< 2 KB heap per idle conversation", perConversation + " bytes", perConversation > 0 && perConversation < 2048);
    row(md, "conversations: 100% in order", conv.getLong("outOfOrderRecipients", -1L) + " recipients out of order",
        conv.getLong("outOfOrderRecipients", -1L) == 0);
    row(md, "conversations: 0 duplicates", conv.getLong("duplicates", -1L) + " duplicates",
        conv.getLong("duplicates", -1L) == 0);
    md.append("\n## Ingest with full processing\n\n");
    ingest.table(md, "reference-1", "memory-1", "reference-2", "memory-2", "open-memory", "postgres",
        "postgres-burst");
    md.append("\nRSS is the engine's resident memory at the end of its measured window.\n");
    md.append("\nOpen-model step search (one warmed engine, 10 s per step, from 30% of the closed-loop answered rate "
        + "up; a step is kept up with when answered ≥ 95% of offered, ack p99 < 1 s and no errors):\n\n");
    List<String> steps = new ArrayList<>();
    for (int pct : new int[] {30, 45, 60, 75, 90, 105}) {
      if (Files.exists(dir.resolve("open-step-" + pct + ".json"))) {
        steps.add("open-step-" + pct);
      }
    }
    ingest.table(md, steps.toArray(String[]::new));
    md.append("\n## Conversations (all contacts at once; each sends its messages one after the other, 0.5–1.5 s apart "
        + "like a person typing, the next only after the previous got its 200)\n\n")
        .append("| run | webhooks/s | ack p50 ms | ack p95 ms | ack p99 ms | replies at provider | duplicates | ")
        .append("recipients out of order | webhook→provider p99 ms |\n|---|---|---|---|---|---|---|---|---|\n");
    conversation(md, "healthy provider", "conversations", conv);
    conversation(md, "provider answers 10% 429 + 5% 500", "faults", faults);
    md.append("\nWith faults, replies are retried (Retry-After honoured, backoff with jitter) until accepted; the ")
        .append("simulator counts an idempotency key accepted twice as a duplicate. ")
        .append("Faults injected: ").append(faults.getLong("faults", 0L)).append(".\n");
    cluster(md);
    md.append("\n## Micro-benchmarks (JMH, average time or throughput)\n\n| benchmark | params | score | unit |\n")
        .append("|---|---|---|---|\n");
    jmh(md);
    md.append("\n## Heap per idle conversation\n\n").append(read("idle.log").trim()).append("\n");
    md.append("\nAn idle conversation is its record, its last message and its inbox entry (kept for dedupe) in the ")
        .append("memory stores; its mailbox is released when idle. With PostgreSQL the heap holds none of them.\n");
    md.append(Files.exists(Path.of("docs/benchmarks-notes.md")) ? "\n" + Files.readString(Path.of("docs/benchmarks-notes.md")) : "");
    return md.toString();
  }

  private void row(StringBuilder md, String target, String value, boolean met) {
    md.append("| ").append(target).append(" | ").append(value).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
  }

  private void conversation(StringBuilder md, String name, String label, JsonObject sim) throws IOException {
    md.append("| ").append(name).append(" | ").append(fmt(number(label, "mean throughput"))).append(" | ")
        .append(fmt(number(label, "50th percentile"))).append(" | ").append(fmt(number(label, "95th percentile")))
        .append(" | ").append(fmt(number(label, "99th percentile"))).append(" | ").append(sim.getLong("accepted", -1L))
        .append(" | ").append(sim.getLong("duplicates", -1L)).append(" | ").append(sim.getLong("outOfOrderRecipients", -1L))
        .append(" | ").append(sim.getLong("webhookToProviderP99Ms", -1L)).append(" |\n");
  }

  /** {@code bench/cluster.sh}: the same ingest spread over 1, 2 and 3 clustered nodes (Kafka session log). */
  private void cluster(StringBuilder md) throws IOException {
    if (!Files.exists(dir.resolve("cluster-1.log"))) {
      return;
    }
    md.append("\n## Cluster (PostgreSQL inbox + Kafka session log, signed webhooks spread over the nodes)\n\n")
        .append("| nodes | requests/s | p50 ms | p99 ms | errors | events processed |\n|---|---|---|---|---|---|\n");
    for (int n = 1; n <= 3; n++) {
      String label = "cluster-" + n;
      if (Files.exists(dir.resolve(label + ".log"))) {
        md.append("| ").append(n).append(" | ").append(fmt(number(label, "mean throughput"))).append(" | ")
            .append(fmt(number(label, "50th percentile"))).append(" | ").append(fmt(number(label, "99th percentile")))
            .append(" | ").append(ko(label)).append(" | ").append(read(label + ".processed").trim()).append(" |\n");
      }
    }
    md.append("\n").append(read("cluster-notes.md"));
  }

  private void jmh(StringBuilder md) throws IOException {
    Path file = dir.resolve("jmh.json");
    if (!Files.exists(file)) {
      md.append("| (not run) | | | |\n");
      return;
    }
    JsonArray results = new JsonArray(Files.readString(file));
    for (Object o : results) {
      JsonObject r = (JsonObject) o;
      String name = r.getString("benchmark").replaceAll(".*\\.", "");
      JsonObject params = r.getJsonObject("params", new JsonObject());
      JsonObject metric = r.getJsonObject("primaryMetric");
      md.append("| ").append(name).append(" | ").append(params.encode()).append(" | ")
          .append(fmt(metric.getDouble("score"))).append(" ± ").append(fmt(metric.getDouble("scoreError")))
          .append(" | ").append(metric.getString("scoreUnit")).append(" |\n");
    }
  }

  /** The first number after a label in a Gatling console summary ("mean requests/sec  617.25 (OK=...)"). */
  private double number(String label, String key) throws IOException {
    // Gatling 3.15: "> mean throughput (rps)        |    516.44 |    516.44 |         -" (thousands with commas).
    Matcher m = Pattern.compile(Pattern.quote(key) + "[^|\\n]*\\|\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)")
        .matcher(read(label + ".log"));
    return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : -1;
  }

  private String ko(String label) throws IOException {
    Matcher m = Pattern.compile("request count[^|\\n]*\\|[^|]*\\|[^|]*\\|\\s*([0-9,]+|-)").matcher(read(label + ".log"));
    return m.find() ? (m.group(1).equals("-") ? "0" : m.group(1)) : "?";
  }

  private long idleBytes() throws IOException {
    Matcher m = Pattern.compile("(\\d+) bytes per conversation").matcher(read("idle.log"));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private JsonObject json(String name) throws IOException {
    String text = read(name).trim();
    return text.startsWith("{") ? new JsonObject(text) : new JsonObject();
  }

  private String read(String name) throws IOException {
    Path p = dir.resolve(name);
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private static String fmt(double v) {
    return v < 0 ? "–" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
  }
}
