package dev.switchboard.engine.automation;

import java.util.List;
import java.util.Objects;

/** A tenant's automation: when {@code trigger} matches a source item, run {@code steps} in order. */
public record AutomationRule(String id, Trigger trigger, List<AutomationStep> steps) {
  public AutomationRule {
    Objects.requireNonNull(id, "automation id");
    Objects.requireNonNull(trigger, "trigger of automation " + id);
    steps = steps == null ? List.of() : List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("automation " + id + " has no steps");
    }
  }

  /** The first rule whose trigger matches, or null. */
  public static AutomationRule first(List<AutomationRule> rules, String channelId, String subject, String from,
                                     String intent) {
    return rules.stream().filter(r -> r.trigger().matches(channelId, subject, from, intent)).findFirst().orElse(null);
  }

  public boolean needsIntent() {
    return trigger.intent() != null;
  }
}
