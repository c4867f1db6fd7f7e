package dev.switchboard.engine.bus;

import java.util.Objects;

/**
 * AI → admin: the intent and the model's confidence, whether the bot would ask the customer to clarify, the
 * fields the rules extraction finds (a JSON object), and {@code guard} "input" when the text was blocked as an
 * injection attempt (null otherwise).
 */
public record ClassifyReply(String intent, double confidence, boolean clarify, String fields, String guard)
    implements BusMessage {
  public ClassifyReply {
    Objects.requireNonNull(intent, "intent");
    fields = fields == null ? "{}" : fields;
  }
}
