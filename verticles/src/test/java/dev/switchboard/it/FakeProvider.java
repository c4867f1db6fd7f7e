package dev.switchboard.it;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server playing a provider API (Graph, Telegram): records every request it receives and answers
 * with whatever the test's responder says.
 */
final class FakeProvider implements AutoCloseable {

  record Recorded(String method, String path, MultiMap headers, String body, long atMillis) {
  }

  /** What to answer: {@code retryAfter} (may be null) becomes the Retry-After header; {@code delayMs} holds it back. */
  record Response(int status, String body, String retryAfter, long delayMs) {
    Response(int status, String body) {
      this(status, body, null, 0);
    }
  }

  private final Vertx vertx;
  private final ConcurrentLinkedQueue<Recorded> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Function<Recorded, Response> responder;
  private HttpServer server;


  FakeProvider() {
    this.vertx = Vertx.vertx();
    this.responder = r -> new Response(200, graphOk());
  }

  FakeProvider start() {
    server = Await.of(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      Recorded rec = new Recorded(req.method().name(), req.uri(), MultiMap.caseInsensitiveMultiMap()
          .addAll(req.headers()), body.toString(), System.currentTimeMillis());
      received.add(rec);
      Response res = responder.apply(rec);
      if (res.retryAfter() != null) {
        req.response().putHeader("Retry-After", res.retryAfter());
      }
      Runnable answer = () -> req.response().setStatusCode(res.status()).putHeader("content-type", "application/json")
          .end(res.body());
      if (res.delayMs() > 0) {
        vertx.setTimer(res.delayMs(), id -> answer.run());
      } else {
        answer.run();
      }
    })).listen(0, "127.0.0.1"));
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  void respond(Function<Recorded, Response> value) {
    responder = value;
  }

  List<Recorded> received() {
    return List.copyOf(received);
  }

  /** A WhatsApp Cloud API success body with a fresh message id. */
  String graphOk() {
    return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
        + "\"messages\":[{\"id\":\"wamid.TEST" + ids.incrementAndGet() + "\"}]}";
  }

  /** A Telegram sendMessage success body. */
  String telegramOk() {
    return "{\"ok\":true,\"result\":{\"message_id\":" + (1000 + ids.incrementAndGet()) + ",\"date\":1795181500,"
        + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}";
  }

  @Override
  public void close() {
    Await.of(vertx.close());
  }
}
