package dev.switchboard.engine.ai.extract;

import dev.switchboard.engine.bus.BusMessage;
import java.util.List;
import java.util.Objects;

/**
 * The extraction contract every provider meets: VALID data that passes the tenant's schema, or REQUIRES_REVIEW
 * with the data it had and the validation errors, kept for a person.
 */
public record Extraction(Status status, String data, List<String> errors, String provider, int attempts)
    implements BusMessage {

  public enum Status { VALID, REQUIRES_REVIEW }

  public Extraction {
    Objects.requireNonNull(status, "status");
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
