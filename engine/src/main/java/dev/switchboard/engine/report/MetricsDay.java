package dev.switchboard.engine.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code metrics_daily}: a tenant's day (in the tenant's zone) on one channel, or on one integration for
 * the action counters. First-response times are milliseconds from a conversation's first inbound message of the
 * day to the next outbound one (null when the day had none); their sum is kept so a longer period's mean is exact.
 */
public record MetricsDay(String tenantId, LocalDate day, String channelId, long conversations, long messagesIn,
                         long messagesOut, long handoffs, long aiFallbacks, long firstResponses,
                         long firstResponseSumMs, Long firstResponseP50Ms, Long firstResponseP90Ms, long actionsSent, long actionsFailed,
                         long actionsPending) {
  public MetricsDay {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(channelId, "channelId");
  }
}
