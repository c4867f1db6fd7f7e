package dev.switchboard.config;

import dev.switchboard.engine.automation.AutomationRule;
import dev.switchboard.engine.automation.AutomationStep;
import dev.switchboard.engine.event.ChannelType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A tenant's automations refer only to its own mailboxes, integrations and channels, of the right kind. */
final class AutomationChecks {
  private AutomationChecks() {
  }

  /** Called from TenantConfig's constructor, so with its parts (the record's accessors are not set yet). */
  static void check(String tenantId, Map<String, Object> schema, List<ChannelConfig> channels,
                    List<IntegrationConfig> integrations, List<MailboxConfig> mailboxes,
                    List<AutomationRule> automations) {
    Set<String> ids = new HashSet<>();
    for (AutomationRule rule : automations) {
      String where = "tenant " + tenantId + ", automation " + rule.id() + ": ";
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException(where + "id used twice");
      }
      if (mailboxes.stream().noneMatch(m -> m.id().equals(rule.trigger().channel()))) {
        throw new IllegalArgumentException(where + "trigger channel " + rule.trigger().channel()
            + " is not a mailbox of this tenant");
      }
      for (AutomationStep step : rule.steps()) {
        check(schema, channels, integrations, step, where);
      }
    }
  }

  private static void check(Map<String, Object> schema, List<ChannelConfig> channels,
                            List<IntegrationConfig> integrations, AutomationStep step, String where) {
    switch (step.type()) {
      case EXTRACT -> {
        if (schema == null) {
          throw new IllegalArgumentException(where + "step extract needs the tenant's extractionSchema");
        }
      }
      case TRELLO_CARD -> integration(integrations, step, SenderKind.TRELLO, where);
      case EMAIL_REPLY -> integration(integrations, step, SenderKind.SMTP, where);
      case WEBHOOK -> integration(integrations, step, SenderKind.WEBHOOK, where);
      case TELEGRAM_NOTIFY -> {
        if (channels.stream().noneMatch(c -> c.id().equals(step.target())
            && c.type() == ChannelType.TELEGRAM)) {
          throw new IllegalArgumentException(where + "step telegram.notify target " + step.target()
              + " is not a telegram channel of this tenant");
        }
      }
      default -> throw new IllegalStateException("unhandled step " + step.type());
    }
  }

  private static void integration(List<IntegrationConfig> integrations, AutomationStep step, SenderKind kind,
                                  String where) {
    if (integrations.stream().noneMatch(i -> i.id().equals(step.target()) && i.type() == kind)) {
      throw new IllegalArgumentException(where + "step " + step.type().wire() + " target " + step.target()
          + " is not a " + kind.wire() + " integration of this tenant");
    }
  }
}
