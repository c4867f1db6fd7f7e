package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.SendResult;
import dev.switchboard.engine.outbound.telegram.TelegramRequests;
import dev.switchboard.engine.outbound.telegram.TelegramResponses;
import io.vertx.core.Future;

/** Telegram Bot API: {@code sendMessage} (text, inline buttons) and {@code answerCallbackQuery}. */
final class TelegramSender implements Sender {
  private final HttpCall http;
  private final String baseUrl;

  TelegramSender(HttpCall http, String baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    String url = baseUrl + TelegramRequests.path(to.channel().botToken(), TelegramRequests.method(command.payload()));
    return http.postJson(url, command, TelegramRequests.body(command.recipient(), command.payload()), r -> r,
        r -> TelegramResponses.classify(r.statusCode(), r.bodyAsString()), "telegram");
  }
}
