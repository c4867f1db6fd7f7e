package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.channel.email.MailAttachment;
import dev.switchboard.engine.channel.email.ParsedMail;
import dev.switchboard.engine.store.IntegrationStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every integration store must do: add once, compare-and-set updates, filters, pending work, erasure. */
abstract class IntegrationStoreContract {
  static final Instant T0 = Instant.parse("2026-12-02T13:00:00Z");

  abstract IntegrationStore store();

  /** A tenant of its own per test, so the PostgreSQL runs can share one schema. */
  private final String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);

  IntegrationRecord record(String sourceId, String contact, Instant at) {
    ParsedMail mail = new ParsedMail(sourceId, contact, "Maria", "Ar pingando", at, "Meu ar está pingando",
        List.of(new MailAttachment("foto.jpg", "image/jpeg", 2048, false)), false);
    return new IntegrationRecord(MailSource.recordId(tenant, "inbox", sourceId), tenant, "inbox", sourceId, "chamados",
        IntegrationStatus.PENDING, 0, contact, MailSource.of(mail).json(), null, null, null, 0, at, at, null);
  }

  @Test
  void aSourceItemIsAddedOnceAndReadBackWhole() {
    IntegrationRecord r = record("m1@x", "maria@x.com.br", T0);
    assertThat(await(store().addIfAbsent(r))).isTrue();
    assertThat(await(store().addIfAbsent(record("m1@x", "maria@x.com.br", T0.plusSeconds(5))))).isFalse();
    assertThat(await(store().get(r.id()))).isEqualTo(r);
    assertThat(MailSource.parse(await(store().get(r.id())).source()).attachments().get(0).size()).isEqualTo(2048);
    assertThat(await(store().get("missing"))).isNull();
  }

  @Test
  void updatesAreCompareAndSetOnTheVersion() {
    IntegrationRecord r = record("m2@x", "joao@x.com.br", T0);
    await(store().addIfAbsent(r));
    IntegrationLogEntry ok = new IntegrationLogEntry(1, "trello.card", 2, T0.plusSeconds(3), "ok", null, "card-1");
    IntegrationRecord next = r.next(IntegrationStatus.PENDING, 2, "{\"phone\":\"11987654321\"}", List.of("e1"),
        "cmd-1", T0.plusSeconds(3), ok);
    assertThat(await(store().replace(next))).isTrue();
    assertThat(await(store().replace(next))).isFalse();
    assertThat(await(store().replace(r.next(IntegrationStatus.FAILED, 0, null, null, null, T0, null)))).isFalse();
    IntegrationRecord stored = await(store().get(r.id()));
    assertThat(stored).isEqualTo(next);
    assertThat(stored.log()).containsExactly(ok);
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void listFiltersByTenantStatusAndDateNewestFirst() {
    IntegrationRecord a = record("a@x", "a@x.com", T0);
    IntegrationRecord b = record("b@x", "b@x.com", T0.plusSeconds(60));
    IntegrationRecord c = record("c@x", "c@x.com", T0.plusSeconds(120));
    List.of(a, b, c).forEach(r -> await(store().addIfAbsent(r)));
    await(store().replace(b.next(IntegrationStatus.FAILED, 1, null, List.of("trello 500"), null, T0, null)));
    assertThat(await(store().list(new IntegrationStore.Query(tenant, null, null, null, 10))))
        .extracting(IntegrationRecord::sourceId).containsExactly("c@x", "b@x", "a@x");
    assertThat(await(store().list(new IntegrationStore.Query(tenant, IntegrationStatus.FAILED, null, null, 10))))
        .extracting(IntegrationRecord::sourceId).containsExactly("b@x");
    assertThat(await(store().list(new IntegrationStore.Query(tenant, null, T0.plusSeconds(60), T0.plusSeconds(120),
        10)))).extracting(IntegrationRecord::sourceId).containsExactly("b@x");
    assertThat(await(store().list(new IntegrationStore.Query(tenant, null, null, null, 1)))).hasSize(1);
    assertThat(await(store().list(new IntegrationStore.Query("other-" + tenant, null, null, null, 10)))).isEmpty();
  }

  @Test
  void pendingListsOnlyPendingRecordsLeastRecentlyChangedFirst() {
    IntegrationRecord a = record("p1@x", "a@x.com", T0.plusSeconds(10));
    IntegrationRecord b = record("p2@x", "b@x.com", T0);
    IntegrationRecord done = record("p3@x", "c@x.com", T0);
    List.of(a, b, done).forEach(r -> await(store().addIfAbsent(r)));
    await(store().replace(done.next(IntegrationStatus.INTEGRATED, 3, null, null, null, T0, null)));
    List<IntegrationRecord> all = await(store().pending(null, null, 1000));
    List<String> mine = all.stream().filter(r -> r.tenantId().equals(tenant)).map(IntegrationRecord::sourceId).toList();
    assertThat(mine).containsExactly("p2@x", "p1@x");
    // Page by page: after p2 comes p1, after p1 none of this tenant's.
    IntegrationRecord p2 = all.stream().filter(r -> r.sourceId().equals("p2@x")).findFirst().orElseThrow();
    IntegrationRecord p1 = all.stream().filter(r -> r.sourceId().equals("p1@x")).findFirst().orElseThrow();
    assertThat(await(store().pending(p2.updatedAt(), p2.id(), 1000))).extracting(IntegrationRecord::sourceId)
        .contains("p1@x").doesNotContain("p2@x");
    assertThat(await(store().pending(p1.updatedAt(), p1.id(), 1000))).extracting(IntegrationRecord::sourceId)
        .doesNotContain("p1@x", "p2@x");
  }
}
