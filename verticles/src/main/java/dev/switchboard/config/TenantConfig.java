package dev.switchboard.config;

import dev.switchboard.engine.automation.AutomationRule;
import dev.switchboard.engine.hours.BusinessHours;
import com.fasterxml.jackson.annotation.JsonAlias;
import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A business using the engine. {@code templates} maps an intent (or a policy event: handoff, optOut, fallback,
 * injection, clarify) to the text sent; {@code intents} adds example phrases per intent to the offline classifier
 * (a new intent, or more ways to say a built-in one; {@code keywords} is the older name); {@code zone} is where
 * relative dates ("amanhã") are resolved; {@code knowledge} are FAQ entries and documents the bot answers from (the
 * admin API adds more); {@code openai} configures the endpoint when {@code aiProvider} is {@code openai};
 * {@code extractionSchema} is the JSON Schema (written in YAML) that extraction fills, e.g. a service order;
 * {@code schedules} are the tenant's own schedules (follow-ups, reports, roll-up; more through the admin API);
 * {@code businessHours} when the bot answers normally (outside them: the {@code outOfHours} template, once per
 * closed period); {@code inboundLimit} how many messages of one contact it answers; {@code mailboxes} the IMAP
 * mailboxes read for it and {@code automations} the rules that turn their mail into steps (docs/automations.md);
 * {@code booking} the appointment dialogue and its calendar (docs/appointments.md), null when the tenant takes no
 * bookings.
 */
public record TenantConfig(String id, AiProviderKind aiProvider, long idleTimeoutSeconds, Map<String, String> templates,
                           @JsonAlias("keywords") Map<String, List<String>> intents, List<ChannelConfig> channels,
                           List<IntegrationConfig> integrations, OpenAiConfig openai,
                           Map<String, Object> extractionSchema, String zone, List<KnowledgeEntry> knowledge,
                           List<ScheduleConfig> schedules, BusinessHoursConfig businessHours,
                           InboundLimitConfig inboundLimit, List<MailboxConfig> mailboxes,
                           List<AutomationRule> automations, BookingConfig booking) {
  public static final String DEFAULT_ZONE = "America/Sao_Paulo";

  public TenantConfig {
    Objects.requireNonNull(id, "tenant id");
    aiProvider = aiProvider == null ? AiProviderKind.RULES : aiProvider;
    idleTimeoutSeconds = idleTimeoutSeconds <= 0 ? 1800 : idleTimeoutSeconds;
    templates = templates == null ? Map.of() : Map.copyOf(templates);
    intents = intents == null ? Map.of() : Map.copyOf(intents);
    channels = channels == null ? List.of() : List.copyOf(channels);
    integrations = integrations == null ? List.of() : List.copyOf(integrations);
    zone = zone == null ? DEFAULT_ZONE : zone;
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("tenant " + id + ": zone " + zone + " is not a time zone (e.g. America/Sao_Paulo)");
    }
    knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
    schedules = schedules == null ? List.of() : List.copyOf(schedules);
    if (businessHours != null) {
      try {
        hours(businessHours, zone);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tenant " + id + ": " + e.getMessage(), e);
      }
    }
    Set<String> ids = new HashSet<>();
    for (KnowledgeEntry e : knowledge) {
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException("tenant " + id + ": knowledge id " + e.id() + " appears twice");
      }
    }
    intents.forEach((intent, phrases) -> {
      if (phrases == null || phrases.isEmpty()) {
        throw new IllegalArgumentException("tenant " + id + ": intent " + intent + " needs example phrases");
      }
    });
    if (booking != null && integrations.stream().noneMatch(i -> i.id().equals(booking.calendar())
        && (i.type() == SenderKind.CALCOM || i.type() == SenderKind.CALENDAR))) {
      throw new IllegalArgumentException("tenant " + id + ": booking.calendar " + booking.calendar()
          + " must name one of its integrations of type calcom or calendar");
    }
    if (aiProvider == AiProviderKind.OPENAI && openai == null) {
      throw new IllegalArgumentException("tenant " + id + ": aiProvider openai needs an openai section");
    }
    mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    automations = automations == null ? List.of() : List.copyOf(automations);
    AutomationChecks.check(id, extractionSchema, channels, integrations, mailboxes, automations);
  }

  public String template(String name) {
    return templates.get(name);
  }

  /** The opening hours; always open when none are configured. */
  public BusinessHours hours() {
    return businessHours == null ? BusinessHours.always(zoneId()) : hours(businessHours, zone);
  }

  private static BusinessHours hours(BusinessHoursConfig c, String tenantZone) {
    return BusinessHours.parse(c.zone() == null ? tenantZone : c.zone(), c.weekly(), c.holidays());
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }
}
