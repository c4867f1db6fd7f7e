package dev.switchboard.outbound;

import dev.switchboard.config.IntegrationConfig;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.calcom.CalcomRequests;
import dev.switchboard.engine.outbound.calcom.CalcomResponses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Cal.com: create, reschedule or cancel a booking with the integration's API key. Cal.com has no idempotency key,
 * so an attempt after the first looks first for what an earlier attempt may have done (the node died after Cal.com
 * accepted and before the outbox recorded it): a booking whose metadata names this command, a booking already
 * rescheduled or cancelled. Only when there is none does it call again — a retry never books twice.
 */
final class CalcomSender implements Sender {
  private final HttpCall http;
  private final String baseUrl;
  private final Clock clock;

  CalcomSender(HttpCall http, String baseUrl, Clock clock) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    IntegrationConfig cal = to.integration();
    String base = cal.baseUrl() != null ? cal.baseUrl() : baseUrl;
    boolean retry = command.attempts() > 1;
    if (command.payload() instanceof OutboundPayload.BookingMove move) {
      return (retry ? earlier(base, cal, move.uid(), false) : Future.<SendResult>succeededFuture(null))
          .compose(done -> done != null ? Future.succeededFuture(done)
              : post(base + CalcomRequests.reschedulePath(move.uid()), command, CalcomRequests.reschedule(move), cal));
    }
    if (command.payload() instanceof OutboundPayload.BookingCancel cancel) {
      return (retry ? earlier(base, cal, cancel.uid(), true) : Future.<SendResult>succeededFuture(null))
          .compose(done -> done != null ? Future.succeededFuture(done)
              : post(base + CalcomRequests.cancelPath(cancel.uid()), command, CalcomRequests.cancel(cancel), cal));
    }
    OutboundPayload.Booking booking = (OutboundPayload.Booking) command.payload();
    return (retry ? madeBefore(base, cal, command, booking) : Future.<SendResult>succeededFuture(null))
        .compose(done -> done != null ? Future.succeededFuture(done)
            : post(base + CalcomRequests.PATH, command, CalcomRequests.createBooking(booking, command.id()), cal));
  }

  private Future<SendResult> post(String url, OutboundCommand command, byte[] body, IntegrationConfig cal) {
    return http.postJson(url, command, body, r -> auth(r, cal, CalcomRequests.API_VERSION),
        r -> CalcomResponses.classify(r.statusCode(), r.bodyAsString(), r.getHeader("Retry-After"), clock.instant()),
        "calcom");
  }

  /** The booking an earlier attempt of this command made, as a result; null when there is none (or no answer). */
  private Future<SendResult> madeBefore(String base, IntegrationConfig cal, OutboundCommand command,
                                        OutboundPayload.Booking b) {
    Instant start = Instant.parse(b.start());
    String url = base + CalcomRequests.PATH + "?eventTypeId=" + b.eventTypeId() + "&afterStart="
        + enc(start.minus(Duration.ofMinutes(1)).toString()) + "&beforeEnd=" + enc(start.plus(Duration.ofDays(1))
        .toString());
    return http.get(url, r -> auth(r, cal, CalcomRequests.API_VERSION))
        .map(r -> {
          if (r.statusCode() != 200) {
            return (SendResult) new SendResult.Transient("calcom lookup http " + r.statusCode(), null);
          }
          String uid = CalcomResponses.bookingMadeBy(r.bodyAsString(), command.id());
          return uid == null ? null : (SendResult) new SendResult.Sent(uid, null);
        })
        .otherwise(e -> new SendResult.Transient("calcom lookup " + e.getClass().getSimpleName(), null));
  }

  /** A reschedule or cancellation an earlier attempt already did, as a result; null when not done yet. */
  private Future<SendResult> earlier(String base, IntegrationConfig cal, String uid, boolean cancel) {
    return http.get(base + CalcomRequests.PATH + "/" + enc(uid), r -> auth(r, cal, CalcomRequests.API_VERSION))
        .map(r -> {
          if (r.statusCode() != 200) {
            return (SendResult) null;
          }
          String moved = CalcomResponses.rescheduledTo(r.bodyAsString());
          if (!cancel && moved != null) {
            return (SendResult) new SendResult.Sent(moved, null);
          }
          return cancel && CalcomResponses.cancelled(r.bodyAsString()) ? new SendResult.Sent(uid, null) : null;
        })
        .otherwise(e -> null);
  }

  private static HttpRequest<Buffer> auth(HttpRequest<Buffer> r, IntegrationConfig cal, String version) {
    return r.putHeader("Authorization", "Bearer " + cal.apiKey()).putHeader("cal-api-version", version);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
