package dev.switchboard.outbound;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * What the sandbox sender "sent": kept in memory (the newest {@code keep}) so a developer can see the bot's
 * answers in the admin API without any provider account.
 */
public final class SandboxLog {

  public record Entry(String commandId, String tenantId, String channelId, String recipient, String text, Instant at) {
  }

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final int keep;

  public SandboxLog(int keep) {
    this.keep = keep;
  }

  public synchronized void add(Entry entry) {
    entries.addFirst(entry);
    while (entries.size() > keep) {
      entries.removeLast();
    }
  }

  /** Newest first, optionally for one tenant. */
  public synchronized List<Entry> list(String tenantId, int limit) {
    return entries.stream().filter(e -> tenantId == null || e.tenantId().equals(tenantId)).limit(limit).toList();
  }

  /** Drops the tenant's entries sent to any of {@code recipients} (an erased contact); answers how many went. */
  public synchronized int forget(String tenantId, Set<String> recipients) {
    int before = entries.size();
    entries.removeIf(e -> e.tenantId().equals(tenantId) && recipients.contains(e.recipient()));
    return before - entries.size();
  }
}
