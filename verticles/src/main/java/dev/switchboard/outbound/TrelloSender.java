package dev.switchboard.outbound;

import dev.switchboard.config.IntegrationConfig;
import dev.switchboard.engine.outbound.HttpOutcomes;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.trello.TrelloRequests;
import dev.switchboard.engine.outbound.trello.TrelloResponses;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * Trello: create a card in the integration's list. Trello has no idempotency keys, so a card with a {@code ref} is
 * looked for in its list before any attempt after the first: a crash (or timeout) after Trello created the card but
 * before its SENT was recorded then finds that card instead of creating a second one.
 */
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
    var card = (OutboundPayload.TrelloCard) command.payload();
    String base = trello.baseUrl() != null ? trello.baseUrl() : baseUrl;
    if (card.ref() == null || command.attempts() <= 1) {
      return create(base, trello, command, card);
    }
    String list = TrelloRequests.listOf(trello.listId(), card);
    return http.get(base + TrelloRequests.listCardsPath(list, trello.key(), trello.token()), command, r -> {
      if (r.statusCode() / 100 != 2) {
        return HttpOutcomes.byStatus("trello lookup", r.statusCode(), null);
      }
      String found = TrelloRequests.findCard(r.bodyAsString(), card.ref());
      return found == null ? null : new SendResult.Sent(found, null);
    }, "trello").compose(found -> found != null ? Future.succeededFuture(found) : create(base, trello, command, card));
  }

  private Future<SendResult> create(String base, IntegrationConfig trello, OutboundCommand command,
                                    OutboundPayload.TrelloCard card) {
    return http.postJson(base + TrelloRequests.path(trello.key(), trello.token()), command,
        TrelloRequests.createCard(trello.listId(), card), r -> r,
        r -> TrelloResponses.classify(r.statusCode(), r.bodyAsString(), r.getHeader("Retry-After"), clock.instant()),
        "trello");
  }
}
