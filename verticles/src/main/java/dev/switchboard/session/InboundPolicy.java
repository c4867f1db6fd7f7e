package dev.switchboard.session;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.hours.BusinessHours;
import dev.switchboard.engine.store.ConversationStore;
import dev.switchboard.engine.store.RateBuckets;
import dev.switchboard.engine.store.RateLimiter;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a tenant's policies make of a turn the bot would answer, before any AI: a contact over the tenant's
 * {@code inboundLimit} gets no answer (the messages are kept and processed); outside {@code businessHours} the
 * customer gets the {@code outOfHours} text once per closed period instead of the AI's answer, and a request for a
 * person is told when the team is back (the conversation waits for them in HUMAN, the hand-off queue).
 */
final class InboundPolicy {
  /** What to do instead of the normal answer: nothing changes ({@link #PROCEED}), this text, or silence. */
  record Verdict(boolean proceed, String text) {
    static final Verdict PROCEED = new Verdict(true, null);
    static final Verdict SILENT = new Verdict(false, null);
  }

  static final String DEFAULT_OUT_OF_HOURS = "Estamos fora do horário de atendimento. Voltamos {nextOpening}; "
      + "sua mensagem fica registrada.";
  static final String DEFAULT_HANDOFF_OUT_OF_HOURS = "Um atendente vai continuar com você quando voltarmos, "
      + "{nextOpening}.";
  private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("EEEE, dd/MM 'às' HH:mm",
      Locale.forLanguageTag("pt-BR"));
  private static final int HISTORY = 20;
  private final RateLimiter limiter;
  private final ConversationStore conversations;
  private final SwitchboardMetrics metrics;

  InboundPolicy(RateLimiter limiter, ConversationStore conversations, SwitchboardMetrics metrics) {
    this.limiter = limiter;
    this.conversations = conversations;
    this.metrics = metrics;
  }

  /** For a turn the bot answers with the AI ({@code handoff} false) or with the hand-off notice. */
  Future<Verdict> apply(TenantConfig tenant, ConversationKey key, String origin, boolean handoff, Instant now) {
    return throttled(tenant, key, origin).compose(over -> {
      if (over) {
        metrics.inboundPolicy(tenant.id(), "throttled");
        return Future.succeededFuture(Verdict.SILENT);
      }
      BusinessHours hours = tenant.hours();
      if (hours.isOpen(now)) {
        return Future.succeededFuture(Verdict.PROCEED);
      }
      String opening = hours.nextOpening(now).map(InboundPolicy::label).orElse("em breve");
      if (handoff) {
        metrics.inboundPolicy(tenant.id(), "handoff_out_of_hours");
        return Future.succeededFuture(new Verdict(false, fill(tenant.template("handoffOutOfHours"),
            DEFAULT_HANDOFF_OUT_OF_HOURS, opening)));
      }
      String text = fill(tenant.template("outOfHours"), DEFAULT_OUT_OF_HOURS, opening);
      Instant closedSince = hours.closedSince(now).orElse(now.minus(Duration.ofDays(1)));
      return conversations.messages(key, HISTORY).map(history -> {
        boolean told = history.stream().anyMatch(t -> t.direction() == Direction.OUTBOUND
            && !t.at().isBefore(closedSince) && isOutOfHoursNotice(t, tenant));
        metrics.inboundPolicy(tenant.id(), told ? "out_of_hours_silent" : "out_of_hours");
        return told ? Verdict.SILENT : new Verdict(false, text);
      });
    });
  }

  private Future<Boolean> throttled(TenantConfig tenant, ConversationKey key, String origin) {
    var limit = tenant.inboundLimit();
    if (limit == null) {
      return Future.succeededFuture(false);
    }
    Future<Boolean> contact = over(RateBuckets.inbound(key), new RateLimiter.Limit(limit.perMinute() / 60.0,
        limit.burst()));
    if (origin == null) {
      return contact;
    }
    return contact.compose(o -> o ? Future.succeededFuture(true) : over("in-addr:" + tenant.id() + ":" + origin,
        new RateLimiter.Limit(limit.addressPerMinute() / 60.0, limit.addressBurst())));
  }

  private Future<Boolean> over(String bucket, RateLimiter.Limit limit) {
    return limiter.acquire(bucket, limit).map(wait -> !wait.isZero())
        // The limiter unreachable: answer rather than go silent.
        .otherwise(false);
  }

  /** The notice is recognised by its fixed start (the text before the opening time), so it is sent once. */
  private static boolean isOutOfHoursNotice(Turn t, TenantConfig tenant) {
    String template = tenant.template("outOfHours") != null ? tenant.template("outOfHours") : DEFAULT_OUT_OF_HOURS;
    int cut = template.indexOf("{nextOpening}");
    String prefix = cut < 0 ? template : template.substring(0, cut);
    return !prefix.isBlank() && t.text().startsWith(prefix);
  }

  private static String fill(String template, String fallback, String opening) {
    return (template != null ? template : fallback).replace("{nextOpening}", opening);
  }

  private static String label(ZonedDateTime at) {
    return at.format(OPENING);
  }
}
