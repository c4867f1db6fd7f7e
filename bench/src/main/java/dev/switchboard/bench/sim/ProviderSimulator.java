package dev.switchboard.bench.sim;

import dev.switchboard.bench.Args;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Local HTTP servers playing the providers Switchboard calls — WhatsApp Graph API, Telegram Bot API, Trello, Cal.com
 * and an OpenAI-compatible API — with injectable latency, 429, 5xx and timeouts. Counts and records what it accepts
 * so a benchmark can check order and duplicates: {@code GET /_sim/stats}, {@code GET /_sim/sequences},
 * {@code POST /_sim/reset}, {@code POST /_sim/config}. Standalone: {@code java -cp benchmarks.jar
 * dev.switchboard.bench.sim.ProviderSimulator --port 9090 --latency 5 --p429 0.1 --p5xx 0.05}.
 */
public final class ProviderSimulator {
  private final Vertx vertx;
  private final Recorder recorder = new Recorder();
  private final AtomicReference<SimulatorConfig> config;
  private final AtomicLong ids = new AtomicLong();
  private HttpServer server;

  public ProviderSimulator(Vertx vertx, SimulatorConfig config) {
    this.vertx = vertx;
    this.config = new AtomicReference<>(config);
  }

  public Future<Integer> start(int port) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false));
    router.get("/_sim/stats").handler(ctx -> ctx.json(recorder.stats()));
    router.get("/_sim/sequences").handler(ctx -> {
      JsonObject out = new JsonObject();
      recorder.sequences().forEach((k, v) -> out.put(k, new JsonArray(v)));
      ctx.json(out);
    });
    router.post("/_sim/reset").handler(ctx -> {
      recorder.reset();
      ctx.json(new JsonObject().put("reset", true));
    });
    router.post("/_sim/config").handler(ctx -> {
      JsonObject c = ctx.body().asJsonObject();
      config.set(new SimulatorConfig(c.getLong("latencyMs", 0L), c.getDouble("p429", 0.0), c.getDouble("p5xx", 0.0),
          c.getDouble("pTimeout", 0.0), c.getBoolean("retryAfter", true)));
      ctx.json(c);
    });
    router.post("/:version/:phoneId/messages").handler(ctx -> answer(ctx, "whatsapp",
        () -> ctx.body().asJsonObject().getString("to"), this::graphOk));
    router.post("/:bot/sendMessage").handler(ctx -> answer(ctx, "telegram",
        () -> String.valueOf(ctx.body().asJsonObject().getValue("chat_id")), this::telegramOk));
    router.post("/1/cards").handler(ctx -> answer(ctx, "trello", () -> null,
        () -> new JsonObject().put("id", "card" + ids.incrementAndGet())));
    router.post("/v2/bookings").handler(ctx -> answer(ctx, "calcom", () -> null, () -> new JsonObject()
        .put("status", "success").put("data", new JsonObject().put("uid", "bk" + ids.incrementAndGet()))));
    router.post("/v1/chat/completions").handler(ctx -> answer(ctx, "openai", () -> null, this::chatOk));
    return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
        .onSuccess(s -> server = s).map(HttpServer::actualPort);
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private interface Body {
    JsonObject get();
  }

  private interface Recipient {
    String get();
  }

  private void answer(RoutingContext ctx, String provider, Recipient recipient, Body ok) {
    SimulatorConfig c = config.get();
    double roll = ThreadLocalRandom.current().nextDouble();
    HttpServerRequest req = ctx.request();
    if (roll < c.pTimeout()) {
      recorder.fault();
      vertx.setTimer(60_000, id -> ctx.response().setStatusCode(504).end());
      return;
    }
    Runnable respond;
    if (roll < c.pTimeout() + c.p429()) {
      recorder.fault();
      respond = () -> {
        if (c.retryAfter()) {
          ctx.response().putHeader("Retry-After", "1");
        }
        ctx.response().setStatusCode(429).putHeader("content-type", "application/json")
            .end(new JsonObject().put("error", new JsonObject().put("message", "(#130429) Rate limit hit")
                .put("code", 130429)).encode());
      };
    } else if (roll < c.pTimeout() + c.p429() + c.p5xx()) {
      recorder.fault();
      respond = () -> ctx.response().setStatusCode(500).end("{\"error\":{\"message\":\"unknown\",\"code\":1}}");
    } else {
      String to = recipient.get();
      recorder.accepted(provider, to, req.getHeader("Idempotency-Key"), req.getHeader("X-Correlation-Id"));
      JsonObject body = ok.get();
      respond = () -> ctx.json(body);
    }
    if (c.latencyMs() > 0) {
      vertx.setTimer(c.latencyMs(), id -> respond.run());
    } else {
      respond.run();
    }
  }

  private JsonObject graphOk() {
    return new JsonObject().put("messaging_product", "whatsapp")
        .put("messages", new JsonArray().add(new JsonObject().put("id", "wamid.SIM" + ids.incrementAndGet())));
  }

  private JsonObject telegramOk() {
    return new JsonObject().put("ok", true).put("result", new JsonObject().put("message_id", ids.incrementAndGet()));
  }

  private JsonObject chatOk() {
    return new JsonObject().put("choices", new JsonArray().add(new JsonObject().put("message", new JsonObject()
        .put("role", "assistant").put("content", "{\"intent\":\"other\",\"reply\":\"Olá!\"}"))))
        .put("usage", new JsonObject().put("prompt_tokens", 100).put("completion_tokens", 10));
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(Args.get(args, "--port", "9090"));
    SimulatorConfig config = new SimulatorConfig(Long.parseLong(Args.get(args, "--latency", "0")),
        Double.parseDouble(Args.get(args, "--p429", "0")), Double.parseDouble(Args.get(args, "--p5xx", "0")),
        Double.parseDouble(Args.get(args, "--ptimeout", "0")), true);
    Vertx vertx = Vertx.vertx();
    new ProviderSimulator(vertx, config).start(port)
        .onSuccess(p -> System.out.println("provider simulator on http://127.0.0.1:" + p))
        .onFailure(e -> {
          e.printStackTrace();
          vertx.close();
        });
  }

}
