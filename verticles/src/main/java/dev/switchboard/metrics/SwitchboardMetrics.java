package dev.switchboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Switchboard's own meters. Labels are bounded: tenant (only configured tenants; anything else is "unknown"),
 * channel type or sender, and an outcome from a fixed set — never a contact, phone number or message id.
 */
public final class SwitchboardMetrics {
  public static final String UNKNOWN = "unknown";
  private final MeterRegistry registry;
  private final Set<String> tenants;

  public SwitchboardMetrics(MeterRegistry registry, Set<String> tenants) {
    this.registry = registry;
    this.tenants = Set.copyOf(tenants);
  }

  public MeterRegistry registry() {
    return registry;
  }

  private String tenant(String id) {
    return id != null && tenants.contains(id) ? id : UNKNOWN;
  }

  /** outcome: accepted, duplicate, ignored, invalid_signature, malformed, too_large, unknown_channel, busy. */
  public void webhook(String tenant, String channel, String outcome, int count) {
    Counter.builder("sb_webhook_events_total").description("Webhook payloads and events by outcome")
        .tags("tenant", tenant(tenant), "channel", channel, "outcome", outcome).register(registry).increment(count);
  }

  public void sessionStep(String tenant, Duration took) {
    Timer.builder("sb_session_step_seconds").description("One conversation turn, from flush to commit")
        .publishPercentileHistogram().tags("tenant", tenant(tenant)).register(registry).record(took);
  }

  public void debounceMerged(String tenant, int messages) {
    Counter.builder("sb_debounce_merged_messages_total").description("Messages merged into an earlier one's turn")
        .tags("tenant", tenant(tenant)).register(registry).increment(messages);
  }

  public void redeliverySkipped(String tenant, int events) {
    Counter.builder("sb_redelivered_events_skipped_total")
        .description("Events delivered again (e.g. after a rebalance) and skipped because a step already processed them")
        .tags("tenant", tenant(tenant)).register(registry).increment(events);
  }

  /** Records a session command took from the Kafka log, by outcome (done, retried, skipped). */
  public void logRecords(String outcome, int count) {
    Counter.builder("sb_cluster_log_records_total").description("Session commands consumed from the Kafka log")
        .tags("outcome", outcome).register(registry).increment(count);
  }

  public void transition(String tenant, String from, String to, String trigger) {
    Counter.builder("sb_fsm_transitions_total").description("Conversation state changes")
        .tags("tenant", tenant(tenant), "from", from, "to", to, "trigger", trigger).register(registry).increment();
  }

  /** outcome: ok, error, timeout, fallback. */
  public void ai(String tenant, String provider, String outcome, Duration took) {
    Timer.builder("sb_ai_request_seconds").description("AI turns by provider and outcome")
        .publishPercentileHistogram().tags("tenant", tenant(tenant), "provider", provider, "outcome", outcome)
        .register(registry).record(took);
  }

  public void aiTokens(String tenant, String provider, long prompt, long completion) {
    if (prompt > 0) {
      Counter.builder("sb_ai_tokens_total").description("Tokens the AI provider reported")
          .tags("tenant", tenant(tenant), "provider", provider, "kind", "prompt").register(registry).increment(prompt);
    }
    if (completion > 0) {
      Counter.builder("sb_ai_tokens_total").description("Tokens the AI provider reported")
          .tags("tenant", tenant(tenant), "provider", provider, "kind", "completion").register(registry)
          .increment(completion);
    }
  }

  /** guard: input (injection attempt answered with the safe template) or output (reply withheld); reason bounded. */
  public void aiGuard(String tenant, String guard, String reason) {
    Counter.builder("sb_ai_guard_blocks_total").description("AI inputs or outputs stopped by a guard")
        .tags("tenant", tenant(tenant), "guard", guard, "reason", reason).register(registry).increment();
  }

  /** outcome: sent, retry, dead. */
  public void outbound(String tenant, String sender, String outcome) {
    Counter.builder("sb_outbound_attempts_total").description("Provider calls by outcome")
        .tags("tenant", tenant(tenant), "sender", sender, "outcome", outcome).register(registry).increment();
  }

  public void rateLimited(String sender) {
    Counter.builder("sb_outbound_rate_limited_total").description("Sends that waited for a rate-limit token")
        .tags("sender", sender).register(registry).increment();
  }

  /** outcome: ok, failed. */
  /** A tenant policy changed a turn's answer: throttled, out_of_hours, out_of_hours_silent, handoff_out_of_hours. */
  public void inboundPolicy(String tenant, String outcome) {
    Counter.builder("sb_inbound_policy_total").description("Turns whose answer a tenant policy changed")
        .tags("tenant", tenant, "outcome", outcome).register(registry).increment();
  }

  public void schedulerRun(String job, String outcome, Duration lag) {
    Counter.builder("sb_scheduler_runs_total").description("Scheduled occurrences run")
        .tags("job", job, "outcome", outcome).register(registry).increment();
    Timer.builder("sb_scheduler_lag_seconds").description("How late an occurrence ran after it was due")
        .tags("job", job).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
  }

  /** Inbox events the sweeper routed again because they were not processed in time. */
  public void redriven(int count) {
    Counter.builder("sb_inbox_redriven_total").description("Unprocessed inbox events routed again by the sweeper")
        .register(registry).increment(count);
  }

  /** store: inbox, outbox. */
  public void retentionPurged(String store, int count) {
    Counter.builder("sb_retention_purged_total").description("Rows deleted by the retention job, by store")
        .tags("store", store).register(registry).increment(count);
  }

  public void gauge(String name, String description, Supplier<Number> value, String... tags) {
    Gauge.builder(name, () -> value.get()).description(description).tags(tags).register(registry);
  }
}
