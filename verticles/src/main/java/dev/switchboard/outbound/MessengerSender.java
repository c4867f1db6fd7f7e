package dev.switchboard.outbound;

import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.meta.MessengerRequests;
import dev.switchboard.engine.outbound.meta.MessengerResponses;
import io.vertx.core.Future;

/** Messenger ({@code graph.facebook.com}) and Instagram ({@code graph.instagram.com}) Send API. */
final class MessengerSender implements Sender {
  private final HttpCall http;
  private final String messengerBaseUrl;
  private final String instagramBaseUrl;

  MessengerSender(HttpCall http, String messengerBaseUrl, String instagramBaseUrl) {
    this.http = http;
    this.messengerBaseUrl = messengerBaseUrl;
    this.instagramBaseUrl = instagramBaseUrl;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    var channel = to.channel();
    boolean instagram = channel.type() == ChannelType.INSTAGRAM;
    String url = (instagram ? instagramBaseUrl : messengerBaseUrl)
        + MessengerRequests.path(channel.apiVersion(), channel.accountId());
    return http.postJson(url, command, MessengerRequests.body(command.recipient(), command.payload(), instagram),
        r -> r.putHeader("Authorization", "Bearer " + channel.accessToken()),
        r -> MessengerResponses.classify(r.statusCode(), r.bodyAsString(), r.getHeader("Retry-After")),
        instagram ? "instagram" : "messenger");
  }
}
