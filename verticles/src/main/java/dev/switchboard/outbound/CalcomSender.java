package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.calcom.CalcomRequests;
import dev.switchboard.engine.outbound.calcom.CalcomResponses;
import io.vertx.core.Future;
import java.time.Clock;

/** Cal.com: create a booking with the integration's API key. */
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
    var cal = to.integration();
    String base = cal.baseUrl() != null ? cal.baseUrl() : baseUrl;
    return http.postJson(base + CalcomRequests.PATH, command,
        CalcomRequests.createBooking((OutboundPayload.Booking) command.payload()),
        r -> r.putHeader("Authorization", "Bearer " + cal.apiKey()).putHeader("cal-api-version", CalcomRequests.API_VERSION),
        r -> CalcomResponses.classify(r.statusCode(), r.bodyAsString(), r.getHeader("Retry-After"), clock.instant()),
        "calcom");
  }
}
