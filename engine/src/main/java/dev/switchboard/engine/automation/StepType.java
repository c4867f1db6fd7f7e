package dev.switchboard.engine.automation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a pipeline step does; {@link #wire()} is the word in configuration, records and logs. */
public enum StepType {
  EXTRACT("extract"), TRELLO_CARD("trello.card"), TELEGRAM_NOTIFY("telegram.notify"), EMAIL_REPLY("email.reply"),
  WEBHOOK("webhook");

  private final String wire;

  StepType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static StepType of(String value) {
    return Arrays.stream(values()).filter(t -> t.wire.equalsIgnoreCase(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown step type " + value + "; one of "
            + Arrays.stream(values()).map(StepType::wire).collect(Collectors.joining(", "))));
  }

  /** Whether the step acts on the outside world (through the outbox). */
  public boolean external() {
    return this != EXTRACT;
  }
}
