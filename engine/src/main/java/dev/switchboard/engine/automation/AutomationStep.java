package dev.switchboard.engine.automation;

import java.util.List;
import java.util.Objects;

/**
 * One step of a rule. {@code target}: the tenant's integration (trello, smtp, webhook) or Telegram channel it goes
 * through. Trello: {@code list} (overrides the integration's list), {@code title}, {@code description},
 * {@code labels} (label ids), {@code due} (the extracted field holding the due date). Telegram: {@code chatId},
 * {@code text}. E-mail reply: {@code subject}, {@code body}. Webhook: {@code event} (the event type). Texts are
 * Mustache templates over the mail and the extracted fields.
 */
public record AutomationStep(StepType type, String target, String list, String title, String description,
                             List<String> labels, String due, String chatId, String text, String subject, String body,
                             String event) {
  public AutomationStep {
    Objects.requireNonNull(type, "step type");
    labels = labels == null ? List.of() : List.copyOf(labels);
    if (type.external() && (target == null || target.isBlank())) {
      throw new IllegalArgumentException("step " + type.wire() + " needs a target (integration or channel id)");
    }
    if (type == StepType.TELEGRAM_NOTIFY && (chatId == null || text == null)) {
      throw new IllegalArgumentException("step telegram.notify needs chatId and text");
    }
    if (type == StepType.TRELLO_CARD && title == null) {
      throw new IllegalArgumentException("step trello.card needs a title");
    }
    if (type == StepType.EMAIL_REPLY && (subject == null || body == null)) {
      throw new IllegalArgumentException("step email.reply needs subject and body");
    }
    event = type == StepType.WEBHOOK && event == null ? "integration.step" : event;
    for (String template : new String[] {title, description, text, subject, body}) {
      if (template != null) {
        StepTemplates.check(template);
      }
    }
  }

  public static AutomationStep extract() {
    return new AutomationStep(StepType.EXTRACT, null, null, null, null, null, null, null, null, null, null, null);
  }
}
