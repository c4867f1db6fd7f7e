package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.TenantRecord;
import dev.switchboard.engine.store.TenantStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every tenant registry must do. */
abstract class TenantStoreContract {

  abstract TenantStore tenants();

  @Test
  void upsertReplacesAndListsById() {
    String id = "t-" + UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    var first = new TenantRecord(id, "rules", 1800, List.of(new TenantRecord.Endpoint("wa-" + id, "channel",
        "whatsapp", "whatsapp")), t0);
    await(tenants().upsert(first));
    assertThat(await(tenants().get(id))).isEqualTo(first);
    var second = new TenantRecord(id, "rules", 600, List.of(new TenantRecord.Endpoint("wa-" + id, "channel",
        "whatsapp", "sandbox"), new TenantRecord.Endpoint("mail-" + id, "integration", "smtp", "smtp")), t0.plusSeconds(1));
    await(tenants().upsert(second));
    assertThat(await(tenants().get(id))).isEqualTo(second);
    assertThat(await(tenants().list())).filteredOn(t -> t.id().equals(id)).containsExactly(second);
    assertThat(await(tenants().get("missing-" + id))).isNull();
  }
}
