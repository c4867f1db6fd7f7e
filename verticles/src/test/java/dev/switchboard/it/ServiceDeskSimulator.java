package dev.switchboard.it;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server playing Trello ({@code POST /1/cards}, {@code GET /1/lists/{id}/cards}, key and token in the
 * query string, FORMATS.md §5), Telegram ({@code POST /bot<token>/sendMessage}, §3) and a Standard Webhooks
 * receiver ({@code POST /hooks/...}). Trello keeps the cards it created, so a test counts real cards; answers to
 * card creation can be scripted (429, 500, 400) and the next one can be withheld after the card is created
 * (a lost answer, as when the caller dies mid-call).
 */
final class ServiceDeskSimulator implements AutoCloseable {
  static final String TRELLO_KEY = "0123456789abcdef0123456789abcdef";
  static final String TRELLO_TOKEN = "trello-test-token-assistec";
  static final String BOT_TOKEN = "7000000001:AAH-assistec-test-token";

  record Call(String method, String path, String body, MultiMap headers) {
  }

  private final Vertx vertx = Vertx.vertx();
  private final List<JsonObject> cards = new CopyOnWriteArrayList<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Deque<Integer> scripted = new ConcurrentLinkedDeque<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile boolean holdNextAnswer;
  private volatile int permanentStatus;
  private HttpServer server;

  ServiceDeskSimulator start() {
    server = Await.of(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      calls.add(new Call(req.method().name(), req.uri(), body.toString(),
          MultiMap.caseInsensitiveMultiMap().addAll(req.headers())));
      handle(req, body.toString());
    })).listen(0, "127.0.0.1"));
    return this;
  }

  private void handle(HttpServerRequest req, String body) {
    String path = req.path();
    if (path.startsWith("/1/")) {
      if (!TRELLO_KEY.equals(req.getParam("key")) || !TRELLO_TOKEN.equals(req.getParam("token"))) {
        req.response().setStatusCode(401).putHeader("content-type", "text/plain").end("invalid key");
      } else if ("POST".equals(req.method().name()) && path.equals("/1/cards")) {
        createCard(req, new JsonObject(body));
      } else if ("GET".equals(req.method().name()) && path.matches("/1/lists/[0-9a-f]{24}/cards")) {
        String list = path.split("/")[3];
        JsonArray found = new JsonArray();
        cards.stream().filter(c -> list.equals(c.getString("idList")))
            .forEach(c -> found.add(new JsonObject().put("id", c.getString("id")).put("desc", c.getString("desc"))));
        json(req, 200, found.encode());
      } else {
        req.response().setStatusCode(404).end("not found");
      }
    } else if (path.equals("/bot" + BOT_TOKEN + "/sendMessage")) {
      json(req, 200, "{\"ok\":true,\"result\":{\"message_id\":" + (500 + ids.incrementAndGet())
          + ",\"date\":1796212800,\"chat\":{\"id\":-1001234567890,\"type\":\"supergroup\"},\"text\":\"x\"}}");
    } else if (path.startsWith("/hooks/")) {
      json(req, 204, "");
    } else {
      json(req, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
    }
  }

  private void createCard(HttpServerRequest req, JsonObject card) {
    Integer status = scripted.poll();
    if (status == null && permanentStatus > 0) {
      status = permanentStatus;
    }
    if (status != null) {
      req.response().setStatusCode(status).putHeader("Retry-After", "0").putHeader("content-type", "text/plain")
          .end(status == 429 ? "API_TOKEN_LIMIT_EXCEEDED" : "error " + status);
      return;
    }
    if (card.getString("idList") == null || !card.getString("idList").matches("[0-9a-f]{24}")) {
      req.response().setStatusCode(400).end("invalid value for idList");
      return;
    }
    String id = String.format("6%023x", ids.incrementAndGet());
    JsonObject created = card.copy().put("id", id).put("shortUrl", "https://trello.com/c/" + id.substring(16));
    cards.add(created);
    if (holdNextAnswer) {
      holdNextAnswer = false;
      // The card exists; the answer never comes (the connection stays open until the caller goes away).
      return;
    }
    json(req, 200, created.encode());
  }

  private static void json(HttpServerRequest req, int status, String body) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The next card creations answer these statuses (Retry-After: 0), then normally. */
  void failNext(int... statuses) {
    for (int s : statuses) {
      scripted.add(s);
    }
  }

  /** Every card creation answers {@code status} (0: normally again). */
  void failAlways(int status) {
    permanentStatus = status;
  }

  /** The next card is created but its answer is withheld. */
  void holdNextAnswer() {
    holdNextAnswer = true;
  }

  List<JsonObject> cards() {
    return List.copyOf(cards);
  }

  List<Call> calls(String method, String pathPrefix) {
    List<Call> out = new ArrayList<>();
    calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).forEach(out::add);
    return out;
  }

  List<JsonObject> telegramMessages() {
    return calls("POST", "/bot").stream().map(c -> new JsonObject(c.body())).toList();
  }

  @Override
  public void close() {
    Await.of(vertx.close());
  }
}
