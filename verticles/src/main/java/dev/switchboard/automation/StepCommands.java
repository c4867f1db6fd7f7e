package dev.switchboard.automation;

import dev.switchboard.config.ChannelConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.automation.AutomationStep;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.automation.StepTemplates;
import dev.switchboard.engine.channel.email.MailKeys;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The outbox command of an external step. Its id, {@code tenant:automation/<record>:<step>}, is the idempotency key:
 * running the same step of the same source item again (a retry, a restart, another node) yields the same id, so
 * the outbox holds one command and the provider sees one action.
 */
final class StepCommands {
  private StepCommands() {
  }

  static String commandId(IntegrationRecord record, int step) {
    // The prefix is how an LGPD erase finds a record's commands (IntegrationRecord.commandPrefix).
    return record.commandPrefix() + step;
  }

  /** The command, or an IllegalArgumentException with the reason the step cannot be built (FAILED, not retried). */
  static OutboundCommand build(IntegrationRecord record, int index, AutomationStep step, TenantConfig tenant,
                               Instant now) {
    String id = commandId(record, index);
    Map<String, Object> context = StepTemplates.context(record);
    String cid = "automation-" + record.id();
    return switch (step.type()) {
      case TRELLO_CARD -> OutboundCommand.pending(id, new ConversationKey(tenant.id(), step.target(), record.id()), null,
          "trello", step.list() == null ? "list" : step.list(), new OutboundPayload.TrelloCard(
              StepTemplates.render(step.title(), context), StepTemplates.render(step.description(), context),
              step.list(), step.labels(), due(step.due(), context, tenant), "sb-" + MailKeys.sha256(id).substring(0, 16)),
          now, cid);
      case TELEGRAM_NOTIFY -> {
        ChannelConfig channel = tenant.channels().stream().filter(c -> c.id().equals(step.target())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("telegram channel " + step.target() + " is gone"));
        yield OutboundCommand.pending(id, new ConversationKey(tenant.id(), step.target(), step.chatId()),
            ChannelType.TELEGRAM, channel.sender().wire(), step.chatId(),
            new OutboundPayload.Text(StepTemplates.render(step.text(), context), null), now, cid);
      }
      case EMAIL_REPLY -> {
        if (record.contact() == null) {
          throw new IllegalArgumentException("the mail has no sender address to reply to");
        }
        yield OutboundCommand.pending(id, new ConversationKey(tenant.id(), step.target(), record.contact()), null,
            "smtp", record.contact(), new OutboundPayload.Email(StepTemplates.render(step.subject(), context),
                StepTemplates.render(step.body(), context)), now, cid);
      }
      case WEBHOOK -> {
        MailSource mail = MailSource.parse(record.source());
        JsonObject data = new JsonObject().put("integrationId", record.id()).put("tenant", tenant.id())
            .put("automation", record.ruleId()).put("step", index).put("subject", mail.subject())
            .put("from", mail.from()).put("fields", new JsonObject(StepTemplates.fields(record.data())));
        yield OutboundCommand.pending(id, new ConversationKey(tenant.id(), step.target(), record.id()), null,
            "webhook", "webhook", new OutboundPayload.WebhookEvent(step.event(), data.encode()), now, cid);
      }
      case EXTRACT -> throw new IllegalStateException("extract is not an outbox step");
    };
  }

  /**
   * The card's due date from the extracted field named {@code field}: an ISO date (at noon in the tenant's zone) or
   * date-time; null when the field is absent or not a date.
   */
  static String due(String field, Map<String, Object> context, TenantConfig tenant) {
    Object value = field == null ? null : context.get(field);
    if (value == null) {
      return null;
    }
    String text = value.toString();
    try {
      return LocalDate.parse(text).atTime(LocalTime.NOON).atZone(tenant.zoneId()).toInstant().toString();
    } catch (DateTimeParseException notDate) {
      try {
        return OffsetDateTime.parse(text).toInstant().toString();
      } catch (DateTimeParseException notDateTime) {
        return null;
      }
    }
  }
}
