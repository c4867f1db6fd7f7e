package dev.switchboard.engine.store;

import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Integration records (one per source item) with their log. Besides the pipeline's own use, the operator console
 * lists and shows them ({@link #list}, {@link #get}). The LGPD export/erase does not go through this port: it reads
 * the records inside its own snapshot or transaction as a contact-data participant ({@code PgIntegrationRows},
 * {@code MemoryIntegrationStore} as a {@code ContactSource}; docs/privacy.md), so there is one way to erase a record.
 */
public interface IntegrationStore {

  /** A filter for {@link #list}: any null field matches everything; {@code from} inclusive, {@code to} exclusive. */
  record Query(String tenantId, IntegrationStatus status, Instant from, Instant to, int limit) {
  }

  /** Stores a new record unless its id is known (the same source item read again); true when it was new. */
  Future<Boolean> addIfAbsent(IntegrationRecord record);

  /** The record, or a succeeded future holding null. */
  Future<IntegrationRecord> get(String id);

  /**
   * Replaces the stored record with {@code next} only if the stored version is {@code next.version() - 1}: a
   * compare-and-set, so two nodes never both advance one record. True when applied.
   */
  Future<Boolean> replace(IntegrationRecord next);

  /** Records by creation time, newest first. */
  Future<List<IntegrationRecord>> list(Query query);

  /**
   * PENDING records, least recently changed first, after the record ({@code afterUpdatedAt}, {@code afterId}) in that
   * order (from the start when null): the pipeline's work, read page by page so that records waiting long on a
   * command never hide the ones behind them.
   */
  Future<List<IntegrationRecord>> pending(Instant afterUpdatedAt, String afterId, int limit);
}
