package dev.switchboard.session;

import dev.switchboard.engine.outbound.OutboundPayload;
import java.util.Locale;

/** How a person's message shows in the conversation's history: its text, or what kind of message it was. */
final class AgentText {
  private AgentText() {
  }

  static String of(OutboundPayload payload) {
    if (payload instanceof OutboundPayload.Text t) {
      return t.body();
    }
    if (payload instanceof OutboundPayload.Buttons b) {
      return b.body();
    }
    if (payload instanceof OutboundPayload.Template t) {
      return "[template " + t.name() + "]";
    }
    return "[" + payload.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "]";
  }
}
