package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.trello.TrelloRequests;
import dev.switchboard.engine.outbound.trello.TrelloResponses;
import io.vertx.core.Future;
import java.time.Clock;

/** Trello: create a card in the integration's list. */
final class TrelloSender implements Sender {
  private final HttpCall http;
  private final String baseUrl;
  private final Clock clock;

  TrelloSender(HttpCall http, String baseUrl, Clock clock) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    var trello = to.integration();
    String base = trello.baseUrl() != null ? trello.baseUrl() : baseUrl;
    return http.postJson(base + TrelloRequests.path(trello.key(), trello.token()), command,
        TrelloRequests.createCard(trello.listId(), (OutboundPayload.TrelloCard) command.payload()), r -> r,
        r -> TrelloResponses.classify(r.statusCode(), r.bodyAsString(), r.getHeader("Retry-After"), clock.instant()),
        "trello");
  }
}
