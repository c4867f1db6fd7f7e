package dev.switchboard.engine.bus;

/**
 * Marker for every record carried on the event bus. One codec ({@link BusCodec}) serialises all of them
 * with its class name (checked against this marker before decoding), so the clustered bus can carry them; locally
 * they pass by reference (they are immutable).
 */
public interface BusMessage {
}
