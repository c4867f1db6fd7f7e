package dev.switchboard.engine.ai.knowledge;

import java.util.Objects;

/** One piece of a tenant's knowledge: an FAQ answer or a short document (hours, address, prices, a policy). */
public record KnowledgeEntry(String id, String title, String text) {
  public static final int MAX_TEXT = 4000;

  public KnowledgeEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    title = title == null ? "" : title;
    if (id.isBlank() || id.length() > 100) {
      throw new IllegalArgumentException("knowledge id must be 1 to 100 characters");
    }
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("knowledge text must be 1 to " + MAX_TEXT + " characters");
    }
  }
}
