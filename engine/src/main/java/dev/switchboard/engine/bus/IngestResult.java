package dev.switchboard.engine.bus;

/** Normalizer → edge: how many events of one payload were accepted into the inbox, seen before, or ignored. */
public record IngestResult(int accepted, int duplicates, int ignored) implements BusMessage {
}
