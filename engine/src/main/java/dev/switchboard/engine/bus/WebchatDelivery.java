package dev.switchboard.engine.bus;

/** Outbound → edge: a reply for a webchat visitor, published to that visitor's address. */
public record WebchatDelivery(String commandId, String text) implements BusMessage {
}
