package dev.switchboard.bench.load;

import dev.switchboard.bench.Args;
import dev.switchboard.engine.channel.MetaSignature;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A light load generator for signed WhatsApp webhooks (~1 KB, every message a new contact, 5% repeats of an
 * earlier delivery). Closed model: {@code --connections} senders, each posting the next webhook when the previous
 * one was answered. Open model ({@code --rate} per second): sends on a fixed schedule whatever the server does, and
 * measures each latency from the time the request was due, so a stalled server cannot hide its stall (no
 * coordinated omission). Warm-up first, then the measured window; writes one JSON line of results.
 * <pre>java -cp benchmarks.jar dev.switchboard.bench.load.WebhookLoad --url http://127.0.0.1:8080/webhooks/demo-whatsapp
 *   --connections 100 --warmup 30 --duration 20 [--rate 3000] [--out result.json] [--label engine]</pre>
 */
public final class WebhookLoad {
  private final HttpClient client;
  private final RequestOptions target;
  private final String secret;
  private final String prefix;
  private final int repeatPercent;
  private final AtomicLong sequence = new AtomicLong();
  private volatile Window window;

  private WebhookLoad(Vertx vertx, String url, int connections, String secret, String prefix, int repeatPercent) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections));
    this.target = new RequestOptions().setAbsoluteURI(url).setMethod(HttpMethod.POST)
        .putHeader("content-type", "application/json");
    this.secret = secret;
    this.prefix = prefix;
    this.repeatPercent = repeatPercent;
  }

  public static void main(String[] args) throws Exception {
    String url = Args.get(args, "--url", "http://127.0.0.1:8080/webhooks/demo-whatsapp");
    int connections = Integer.parseInt(Args.get(args, "--connections", "100"));
    int warmup = Integer.parseInt(Args.get(args, "--warmup", "30"));
    int duration = Integer.parseInt(Args.get(args, "--duration", "20"));
    int rate = Integer.parseInt(Args.get(args, "--rate", "0"));
    String label = Args.get(args, "--label", "run");
    String out = Args.get(args, "--out", null);
    // Message ids of one run must never collide with an earlier run against the same server.
    String prefix = Args.get(args, "--prefix", Long.toString(System.currentTimeMillis(), 36));
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    WebhookLoad load = new WebhookLoad(vertx, url, connections, Args.get(args, "--secret",
        "acc3pt4nce_app_s3cret_pt_br"), prefix, Integer.parseInt(Args.get(args, "--repeat", "5")));
    Driver driver = rate > 0 ? new OpenDriver(vertx, load, rate) : new ClosedDriver(load, connections);
    driver.start();
    Window warm = new Window();
    if (warmup > 0) {
      load.window = warm;
      Thread.sleep(warmup * 1000L);
    }
    warm.close();
    // Replies the provider simulator accepted during the measured window: what "answered" means end to end.
    String sim = Args.get(args, "--sim", null);
    long repliesBefore = sim == null ? 0 : SimulatorStats.accepted(vertx, sim);
    Window measured = new Window();
    load.window = measured;
    Thread.sleep(duration * 1000L);
    load.window = null;
    measured.close();
    long repliesAfter = sim == null ? 0 : SimulatorStats.accepted(vertx, sim);
    driver.stop();
    JsonObject result = measured.summary(duration).put("label", label).put("model", rate > 0 ? "open" : "closed")
        .put("offered", rate).put("connections", connections).put("sent", load.sequence.get())
        .put("warmup", warm.summary(Math.max(1, warmup)));
    if (sim != null) {
      result.put("answeredPerSecond", Math.round((repliesAfter - repliesBefore) / (double) duration));
    }
    System.out.println(result.encode());
    if (out != null) {
      Files.writeString(Path.of(out), result.encode() + "\n", StandardCharsets.UTF_8);
    }
    vertx.close().await();
  }

  /** Posts one webhook; the future completes when it was answered (any status), recording its latency. */
  Future<Void> post(long dueNanos) {
    long n = sequence.incrementAndGet();
    long id = n > 20 && ThreadLocalRandom.current().nextInt(100) < repeatPercent ? n - 10 : n;
    byte[] body = Bodies.whatsappText(String.format("55119%08d", id % 100_000_000L), "wamid." + prefix + "." + id,
        "Olá, gostaria de saber o preço da instalação do ar-condicionado, mensagem " + id);
    String signature = MetaSignature.sign(secret, body);
    Promise<Void> done = Promise.promise();
    client.request(new RequestOptions(target).putHeader("X-Hub-Signature-256", signature))
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(res -> res.body().map(res.statusCode()))
        .onComplete(ar -> {
          Window w = window;
          if (w != null) {
            w.record(ar.succeeded() ? ar.result() : -1, System.nanoTime() - dueNanos);
          }
          done.complete();
        });
    return done.future();
  }

  interface Driver {
    void start();

    void stop();
  }
}
