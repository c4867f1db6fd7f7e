package dev.switchboard.it;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server playing Cal.com API v2 as FORMATS.md §5 describes it: {@code GET /v2/slots} (weekdays 09:00-17:00 in
 * the asked zone, 30-minute slots, minus accepted bookings), {@code POST /v2/bookings} (400 "not available" for a
 * taken slot), {@code GET /v2/bookings} (filtered by event type and start), {@code GET /v2/bookings/{uid}},
 * {@code POST .../reschedule} and {@code .../cancel}; each checks the API key and its {@code cal-api-version}. Faults
 * on demand: the next calls answer an HTTP status, stall past the client's timeout, or book and then answer 500 (the
 * response lost after Cal.com committed).
 */
final class CalcomSimulator implements AutoCloseable {
  static final String API_KEY = "cal_test_key_dental";
  private final Vertx vertx = Vertx.vertx();
  final Map<String, JsonObject> bookings = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(1000);
  final AtomicInteger failBookings = new AtomicInteger();
  final AtomicInteger failSlots = new AtomicInteger();
  final AtomicInteger bookThenFail = new AtomicInteger();
  volatile int failStatus = 503;
  volatile boolean failAllBookings;
  /** Book, then never answer: the caller is left with a booking it does not know about (until it looks). */
  volatile boolean stallAfterBooking;
  final AtomicInteger bookingCalls = new AtomicInteger();
  private HttpServer server;

  CalcomSimulator start() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.route().handler(ctx -> {
      if (!("Bearer " + API_KEY).equals(ctx.request().getHeader("Authorization"))) {
        error(ctx, 401, "invalid api key");
      } else {
        ctx.next();
      }
    });
    router.get("/v2/slots").handler(this::slots);
    router.post("/v2/bookings").handler(this::create);
    router.get("/v2/bookings").handler(this::list);
    router.get("/v2/bookings/:uid").handler(ctx -> Optional.ofNullable(bookings.get(ctx.pathParam("uid")))
        .ifPresentOrElse(b -> ok(ctx, 200, b), () -> error(ctx, 404, "booking not found")));
    router.post("/v2/bookings/:uid/reschedule").handler(this::reschedule);
    router.post("/v2/bookings/:uid/cancel").handler(this::cancel);
    server = Await.of(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Books the slot for someone else (a booking made on Cal.com's own page). */
  void takeElsewhere(Instant start) {
    String uid = "ext-" + ids.incrementAndGet();
    bookings.put(uid, booking(uid, start, 4242, new JsonObject()));
  }

  List<JsonObject> accepted() {
    return bookings.values().stream().filter(b -> "accepted".equals(b.getString("status"))
        && !b.getString("uid").startsWith("ext-")).toList();
  }

  private void slots(RoutingContext ctx) {
    if (!version(ctx, "2024-09-04")) {
      return;
    }
    if (failSlots.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      error(ctx, failStatus, "internal error");
      return;
    }
    ZoneId zone = ZoneId.of(ctx.queryParams().get("timeZone"));
    LocalDate from = LocalDate.parse(ctx.queryParams().get("start"));
    LocalDate to = LocalDate.parse(ctx.queryParams().get("end"));
    JsonObject data = new JsonObject();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      JsonArray day = new JsonArray();
      for (LocalTime t = LocalTime.of(9, 0); t.isBefore(LocalTime.of(17, 0)); t = t.plusMinutes(30)) {
        OffsetDateTime start = d.atTime(t).atZone(zone).toOffsetDateTime();
        if (!taken(start.toInstant())) {
          day.add(new JsonObject().put("start", start.toString()));
        }
      }
      if (!day.isEmpty()) {
        data.put(d.toString(), day);
      }
    }
    ok(ctx, 200, data);
  }

  private boolean taken(Instant start) {
    return bookings.values().stream().anyMatch(b -> "accepted".equals(b.getString("status"))
        && Instant.parse(b.getString("start")).equals(start));
  }

  private void create(RoutingContext ctx) {
    if (!version(ctx, "2024-08-13")) {
      return;
    }
    bookingCalls.incrementAndGet();
    if (failAllBookings || failBookings.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      error(ctx, failStatus, "internal error");
      return;
    }
    JsonObject body = ctx.body().asJsonObject();
    if (body.getString("start") == null || body.getJsonObject("attendee") == null
        || body.getJsonObject("attendee").getString("email") == null) {
      error(ctx, 400, "start, eventTypeId and attendee{name,email,timeZone} are required");
      return;
    }
    Instant start = Instant.parse(body.getString("start"));
    if (taken(start)) {
      error(ctx, 400, "User either already has booking at this time or is not available");
      return;
    }
    String uid = "bk-" + ids.incrementAndGet();
    JsonObject b = booking(uid, start, body.getLong("eventTypeId"), body.getJsonObject("metadata", new JsonObject()));
    bookings.put(uid, b);
    if (stallAfterBooking) {
      return;
    }
    if (bookThenFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      error(ctx, 500, "internal error");
      return;
    }
    ok(ctx, 201, b);
  }

  private void list(RoutingContext ctx) {
    Instant after = Instant.parse(ctx.queryParams().get("afterStart"));
    Instant before = Instant.parse(ctx.queryParams().get("beforeEnd"));
    JsonArray data = new JsonArray();
    bookings.values().stream().filter(b -> !Instant.parse(b.getString("start")).isBefore(after)
        && Instant.parse(b.getString("end")).isBefore(before)).forEach(data::add);
    ctx.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("status", "success").put("data", data).encode());
  }

  private void reschedule(RoutingContext ctx) {
    JsonObject old = bookings.get(ctx.pathParam("uid"));
    if (old == null || !"accepted".equals(old.getString("status"))) {
      error(ctx, 400, "booking cannot be rescheduled");
      return;
    }
    Instant start = Instant.parse(ctx.body().asJsonObject().getString("start"));
    if (taken(start)) {
      error(ctx, 400, "User either already has booking at this time or is not available");
      return;
    }
    String uid = "bk-" + ids.incrementAndGet();
    JsonObject moved = booking(uid, start, old.getLong("eventTypeId"), old.getJsonObject("metadata"))
        .put("rescheduledFromUid", old.getString("uid"));
    bookings.put(uid, moved);
    old.put("status", "cancelled").put("rescheduledToUid", uid);
    ok(ctx, 201, moved);
  }

  private void cancel(RoutingContext ctx) {
    JsonObject b = bookings.get(ctx.pathParam("uid"));
    if (b == null || !"accepted".equals(b.getString("status"))) {
      error(ctx, 400, "booking cannot be cancelled");
      return;
    }
    b.put("status", "cancelled");
    ok(ctx, 200, b);
  }

  private static JsonObject booking(String uid, Instant start, long eventTypeId, JsonObject metadata) {
    return new JsonObject().put("id", uid.hashCode() & 0x7fffffff).put("uid", uid).put("status", "accepted")
        .put("start", start.toString()).put("end", start.plusSeconds(1800).toString()).put("duration", 30)
        .put("eventTypeId", eventTypeId).put("metadata", metadata);
  }

  private static boolean version(RoutingContext ctx, String expected) {
    if (!expected.equals(ctx.request().getHeader("cal-api-version"))) {
      error(ctx, 400, "cal-api-version must be " + expected);
      return false;
    }
    return true;
  }

  private static void ok(RoutingContext ctx, int status, JsonObject data) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("status", "success").put("data", data).encode());
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new JsonObject().put("status", "error").put("error", new JsonObject().put("message", message)).encode());
  }

  @Override
  public void close() {
    Await.of(vertx.close());
  }
}
