package dev.switchboard.engine.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.switchboard.engine.bus.BusMessage;

/** A provider payload turned into the engine's own terms. One webhook POST may yield several. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@event")
@JsonSubTypes({
  @JsonSubTypes.Type(value = MessageReceived.class, name = "message"),
  @JsonSubTypes.Type(value = StatusChanged.class, name = "status"),
  @JsonSubTypes.Type(value = UnsupportedEvent.class, name = "unsupported")
})
public sealed interface NormalizedEvent extends BusMessage
    permits MessageReceived, StatusChanged, UnsupportedEvent {

  EventSource source();

  @JsonIgnore
  default String dedupeKey() {
    return source().dedupeKey();
  }
}
