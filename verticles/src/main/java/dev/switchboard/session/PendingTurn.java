package dev.switchboard.session;

import dev.switchboard.engine.event.MessageReceived;
import java.util.ArrayList;
import java.util.List;

/** Messages of one contact collected during the debounce window; they become a single turn. */
final class PendingTurn {
  final List<MessageReceived> messages = new ArrayList<>();
  final long firstAtMs;
  long timerId = -1;
  /** The correlation id of the latest message: the turn's log lines and reply carry it. */
  String correlationId;

  PendingTurn(long firstAtMs) {
    this.firstAtMs = firstAtMs;
  }
}
