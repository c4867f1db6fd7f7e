package dev.switchboard.config;

import dev.switchboard.engine.automation.AutomationRule;
import dev.switchboard.engine.automation.AutomationStep;
import dev.switchboard.engine.event.ChannelType;
import java.util.HashSet;
import java.util.Set;

/** A tenant's automations refer only to its own mailboxes, integrations and channels, of the right kind. */
final class AutomationChecks {
  private AutomationChecks() {
  }

  static void check(TenantConfig tenant) {
    Set<String> ids = new HashSet<>();
    for (AutomationRule rule : tenant.automations()) {
      String where = "tenant " + tenant.id() + ", automation " + rule.id() + ": ";
      if (!ids.add(rule.id())) {
        throw new IllegalArgumentException(where + "id used twice");
      }
      if (tenant.mailboxes().stream().noneMatch(m -> m.id().equals(rule.trigger().channel()))) {
        throw new IllegalArgumentException(where + "trigger channel " + rule.trigger().channel()
            + " is not a mailbox of this tenant");
      }
      for (AutomationStep step : rule.steps()) {
        check(tenant, step, where);
      }
    }
  }

  private static void check(TenantConfig tenant, AutomationStep step, String where) {
    switch (step.type()) {
      case EXTRACT -> {
        if (tenant.extractionSchema() == null) {
          throw new IllegalArgumentException(where + "step extract needs the tenant's extractionSchema");
        }
      }
      case TRELLO_CARD -> integration(tenant, step, SenderKind.TRELLO, where);
      case EMAIL_REPLY -> integration(tenant, step, SenderKind.SMTP, where);
      case WEBHOOK -> integration(tenant, step, SenderKind.WEBHOOK, where);
      case TELEGRAM_NOTIFY -> {
        if (tenant.channels().stream().noneMatch(c -> c.id().equals(step.target())
            && c.type() == ChannelType.TELEGRAM)) {
          throw new IllegalArgumentException(where + "step telegram.notify target " + step.target()
              + " is not a telegram channel of this tenant");
        }
      }
      default -> throw new IllegalStateException("unhandled step " + step.type());
    }
  }

  private static void integration(TenantConfig tenant, AutomationStep step, SenderKind kind, String where) {
    if (tenant.integrations().stream().noneMatch(i -> i.id().equals(step.target()) && i.type() == kind)) {
      throw new IllegalArgumentException(where + "step " + step.type().wire() + " target " + step.target()
          + " is not a " + kind.wire() + " integration of this tenant");
    }
  }
}
