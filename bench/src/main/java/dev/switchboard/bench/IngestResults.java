package dev.switchboard.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The WebhookLoad results of one run (reference and engine, alternating) and the tables they make. */
final class IngestResults {
  private final Path dir;

  IngestResults(Path dir) {
    this.dir = dir;
  }

  JsonObject get(String label) throws IOException {
    Path p = dir.resolve(label + ".json");
    return Files.exists(p) ? new JsonObject(Files.readString(p).trim()) : new JsonObject();
  }

  /** Acknowledgements per second in the measured window; -1 when the run is missing. */
  double acks(String label) throws IOException {
    return get(label).getDouble("rps", -1.0);
  }

  double answered(String label) throws IOException {
    return get(label).getDouble("answeredPerSecond", -1.0);
  }

  double p99(String label) throws IOException {
    return get(label).getDouble("p99ms", -1.0);
  }

  /** The lower of acknowledged and answered per second: what the server sustains with full processing. */
  double sustained(String label) throws IOException {
    double a = acks(label);
    double b = answered(label);
    return a < 0 || b < 0 ? -1 : Math.min(a, b);
  }

  void table(StringBuilder md, String... labels) throws IOException {
    md.append("| run | acknowledged/s | answered/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | non-200 | RSS MB |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String label : labels) {
      JsonObject r = get(label);
      if (r.isEmpty()) {
        continue;
      }
      long non200 = r.getInteger("requests", 0) - r.getInteger("ok", 0);
      md.append("| ").append(label).append(r.getInteger("offered", 0) > 0 ? " (open, " + r.getInteger("offered")
              + "/s offered)" : "").append(" | ").append(r.getLong("rps")).append(" | ")
          .append(r.getLong("answeredPerSecond", -1L)).append(" | ").append(r.getDouble("p50ms")).append(" | ")
          .append(r.getDouble("p90ms")).append(" | ").append(r.getDouble("p99ms")).append(" | ")
          .append(r.getDouble("p999ms")).append(" | ").append(r.getDouble("maxms")).append(" | ").append(non200)
          .append(" | ").append(rssMb(label)).append(" |\n");
    }
  }

  String once(String label) throws IOException {
    Path p = dir.resolve(label + "-once.json");
    if (!Files.exists(p)) {
      return "not measured";
    }
    JsonObject o = new JsonObject(Files.readString(p).trim());
    return o.getLong("accepted") + " accepted, " + o.getLong("answered") + " answered, " + o.getLong("duplicates")
        + " duplicates";
  }

  boolean answeredOnce(String label) throws IOException {
    Path p = dir.resolve(label + "-once.json");
    if (!Files.exists(p)) {
      return false;
    }
    JsonObject o = new JsonObject(Files.readString(p).trim());
    return o.getLong("accepted", -1L) > 0 && o.getLong("accepted").equals(o.getLong("answered"))
        && o.getLong("duplicates", -1L) == 0;
  }

  private String rssMb(String label) throws IOException {
    Path p = dir.resolve(label + ".rss");
    return Files.exists(p) ? String.valueOf(Long.parseLong(Files.readString(p).trim()) / 1024) : "–";
  }

  static String ratio(double a, double b) {
    return a < 0 || b <= 0 ? "not measured" : String.format(Locale.ROOT, "%.2f× (%.0f vs %.0f/s)", a / b, a, b);
  }
}
