package dev.switchboard.engine.automation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One source item (an e-mail) and where its pipeline stands. {@code id} is derived from (tenant, channel,
 * sourceId), so the same mail read twice is one record. {@code step} is the index of the next step to run;
 * {@code waitingOn} the outbox command of the step under way. {@code source} is the mail as JSON
 * ({@link MailSource}); {@code data} the extracted fields as JSON. {@code contact} is the sender's address (for
 * lookups and erasure). {@code version} grows by one with every change: updates are compare-and-set on it.
 */
public record IntegrationRecord(String id, String tenantId, String channelId, String sourceId, String ruleId,
                                IntegrationStatus status, int step, String contact, String source, String data,
                                List<String> errors, String waitingOn, long version, Instant createdAt,
                                Instant updatedAt, List<IntegrationLogEntry> log) {
  public IntegrationRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(createdAt, "createdAt");
    errors = errors == null ? List.of() : List.copyOf(errors);
    log = log == null ? List.of() : List.copyOf(log);
    updatedAt = updatedAt == null ? createdAt : updatedAt;
  }

  /**
   * What the ids of this record's outbox commands start with ({@code tenant:automation/<id>:}, then the step): an
   * erase finds the commands of a contact's records by it.
   */
  public String commandPrefix() {
    return commandPrefix(tenantId, id);
  }

  public static String commandPrefix(String tenantId, String recordId) {
    return tenantId + ":automation/" + recordId + ":";
  }

  /** A change: the next version, stamped {@code now}, with {@code entry} appended to the log when not null. */
  public IntegrationRecord next(IntegrationStatus nextStatus, int nextStep, String nextData, List<String> nextErrors,
                                String nextWaitingOn, Instant now, IntegrationLogEntry entry) {
    List<IntegrationLogEntry> lines = new ArrayList<>(log);
    if (entry != null) {
      lines.add(entry);
    }
    return new IntegrationRecord(id, tenantId, channelId, sourceId, ruleId, nextStatus, nextStep, contact, source,
        nextData, nextErrors, nextWaitingOn, version + 1, createdAt, now, lines);
  }

  /** The same version with another rule: to be followed by {@link #next}, which makes the change one update. */
  public IntegrationRecord withRule(String rule, Instant now) {
    return new IntegrationRecord(id, tenantId, channelId, sourceId, rule, status, step, contact, source, data, errors,
        waitingOn, version, createdAt, now, log);
  }

  /** How many times step {@code index} ended in {@code outcome} since the last retry asked by a person. */
  public long count(int index, String outcome) {
    long n = 0;
    for (int i = log.size() - 1; i >= 0 && !"retry".equals(log.get(i).outcome()); i--) {
      if (log.get(i).step() == index && outcome.equals(log.get(i).outcome())) {
        n++;
      }
    }
    return n;
  }
}
