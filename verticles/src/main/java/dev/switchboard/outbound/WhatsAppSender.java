package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.whatsapp.WhatsAppRequests;
import dev.switchboard.engine.outbound.whatsapp.WhatsAppResponses;
import io.vertx.core.Future;

/** WhatsApp Cloud API: {@code POST {base}/{version}/{phone_number_id}/messages} with the channel's bearer token. */
final class WhatsAppSender implements Sender {
  private final HttpCall http;
  private final String baseUrl;

  WhatsAppSender(HttpCall http, String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    return send(command, command.payload(), to);
  }

  /** Sends {@code payload} for the command (the 24-hour window may swap a free-form text for a template). */
  Future<SendResult> send(OutboundCommand command, OutboundPayload payload, Destination to) {
    var channel = to.channel();
    String url = baseUrl + WhatsAppRequests.path(channel.apiVersion(), channel.phoneNumberId());
    return http.postJson(url, command, WhatsAppRequests.body(command.recipient(), payload),
        r -> r.putHeader("Authorization", "Bearer " + channel.accessToken()),
        r -> WhatsAppResponses.classify(r.statusCode(), r.bodyAsString(), r.getHeader("Retry-After")), "whatsapp");
  }
}
