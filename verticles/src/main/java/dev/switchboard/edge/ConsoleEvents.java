package dev.switchboard.edge;

import dev.switchboard.edge.auth.Caller;
import dev.switchboard.edge.auth.OperatorSessions;
import dev.switchboard.edge.auth.Operators;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ConversationActivity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /admin/v1/events}: the console's live feed as server-sent events. Each committed conversation step is
 * published on the bus to every node ({@link ConversationActivity}); this edge instance forwards it to the streams
 * it holds whose caller sees the tenant. One consumer per edge instance, streams confined to its event loop.
 */
final class ConsoleEvents {
  static final long HEARTBEAT_MS = 20_000;
  private final Vertx vertx;
  private final Operators operators;
  private final long heartbeatMs;
  private final Map<HttpServerResponse, Stream> streams = new LinkedHashMap<>();
  private MessageConsumer<ConversationActivity> consumer;
  private long heartbeat = -1;

  /** One open stream: which tenants it shows, and the console session it was opened with (null: a token). */
  private record Stream(Predicate<String> visible, String session) {
  }

  ConsoleEvents(Vertx vertx, Operators operators, long heartbeatMs) {
    this.vertx = vertx;
    this.operators = operators;
    this.heartbeatMs = heartbeatMs;
  }

  void mount(Router router) {
    router.get("/admin/v1/events").handler(this::open);
  }

  Future<Void> listen() {
    consumer = vertx.eventBus().consumer(Addresses.CONVERSATION_ACTIVITY, m -> forward(m.body()));
    // Proxies close idle streams; a comment line every 20 s keeps them open and finds dead clients. A stream whose
    // console session ended (signed out, expired, operator removed) is closed then.
    heartbeat = vertx.setPeriodic(heartbeatMs, id -> Map.copyOf(streams).forEach(this::check));
    return consumer.completion();
  }

  private void check(HttpServerResponse response, Stream stream) {
    if (stream.session() == null) {
      response.write(": ping\n\n");
      return;
    }
    operators.resolve(stream.session()).onComplete(ar -> {
      if (ar.succeeded() && ar.result() == null) {
        streams.remove(response);
        response.end();
      } else if (!response.closed()) {
        response.write(": ping\n\n");
      }
    });
  }

  Future<Void> close() {
    vertx.cancelTimer(heartbeat);
    streams.keySet().forEach(r -> r.end());
    streams.clear();
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void open(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String tenant = ctx.request().getParam("tenant");
    if (tenant != null && !AdminHttp.allowed(ctx, tenant)) {
      return;
    }
    Predicate<String> visible = tenant != null ? tenant::equals : caller::sees;
    HttpServerResponse response = ctx.response();
    response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache").putHeader("x-accel-buffering", "no");
    streams.put(response, new Stream(visible, caller.global() || caller.role() == Caller.Role.TENANT ? null
        : OperatorSessions.token(ctx)));
    response.closeHandler(v -> streams.remove(response));
    response.write("retry: 2000\n: connected\n\n");
  }

  private void forward(ConversationActivity a) {
    if (streams.isEmpty()) {
      return;
    }
    String frame = "event: conversation\ndata: " + new JsonObject().put("key", a.key().asString())
        .put("tenant", a.key().tenantId()).put("channel", a.key().channelId()).put("contact", a.key().contactId())
        .put("state", a.state()).put("flag", a.flag()).put("lastActivityAt", a.at().toString()).encode() + "\n\n";
    streams.forEach((response, stream) -> {
      if (stream.visible().test(a.key().tenantId()) && !response.closed()) {
        response.write(frame);
      }
    });
  }
}
