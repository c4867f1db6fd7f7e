package dev.switchboard.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses a lower-case configuration word into its enum constant, or says which words are allowed. */
final class Selector {
  private Selector() {
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + value + "' (" + Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")");
  }
}
