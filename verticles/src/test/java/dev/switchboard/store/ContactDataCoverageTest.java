package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.automation.AutomationStores;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.privacy.ContactSource;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.store.memory.MemoryContactData;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every port in {@link Stores} either takes part in an erase or is declared free of contact data, with the reason.
 * A port added later (bookings, integration records) fails this test until it is decided — and a port that holds
 * contact data must be one of the memory erase's participants. (PostgreSQL tables: {@code PgContactTablesTest}.)
 */
class ContactDataCoverageTest {
  /** Ports whose memory store is a participant of {@link MemoryContactData}. */
  private static final Set<String> PARTICIPANTS = Set.of("inbox", "conversations", "outbox", "audit",
      "bookings");
  private static final Map<String, String> OTHERWISE = Map.ofEntries(
      Map.entry("rateLimiter", "buckets named by RateBuckets, dropped by RateLimiter.forget in ContactPrivacy"),
      Map.entry("schedules", "engine jobs only"),
      Map.entry("tenantSchedules", "a tenant's cron jobs and run counts"),
      Map.entry("reports", "reads the participants; writes counts per day and channel, kept on purpose"),
      Map.entry("tenants", "tenant registry"),
      Map.entry("tenantConfigs", "provisioned tenants"),
      Map.entry("apiTokens", "tenant API tokens"),
      Map.entry("knowledge", "the business's FAQ and documents"),
      Map.entry("checks", "not a store"),
      Map.entry("closer", "not a store"),
      Map.entry("contacts", "the erase itself"));

  @Test
  void everyPortIsAParticipantOrDeclaredFreeOfContactData() throws ReflectiveOperationException {
    Set<String> ports = new TreeSet<>(Arrays.stream(Stores.class.getRecordComponents()).map(RecordComponent::getName)
        .toList());
    Set<String> classified = new TreeSet<>(PARTICIPANTS);
    classified.addAll(OTHERWISE.keySet());
    assertThat(ports).as("a port holding a contact's id, address, name or text must take part in the erase "
        + "(docs/privacy.md); one holding none goes in OTHERWISE with the reason").isEqualTo(classified);

    Stores memory = Storage.memory(new StorageConfig(StorageConfig.Mode.MEMORY, 0, 0, null, null));
    var sources = ((MemoryContactData) memory.contacts()).sources();
    for (String port : PARTICIPANTS) {
      Object store = Stores.class.getMethod(port).invoke(memory);
      assertThat(store).as(port).isInstanceOf(ContactSource.class);
      assertThat(sources).as(port + " takes part in the memory erase").contains((ContactSource) store);
    }
  }

  /**
   * The automations' integration records live outside {@link Stores}: in memory mode the engine hands them the
   * store the memory erase holds, so what e-mail intake writes is what an erase reaches.
   */
  @Test
  void theAutomationsIntegrationRecordsTakePartInTheMemoryErase() {
    Stores memory = Storage.memory(new StorageConfig(StorageConfig.Mode.MEMORY, 0, 0, null, null));
    MemoryContactData contacts = (MemoryContactData) memory.contacts();
    var integrations = PgTestDatabase.await(AutomationStores.open(null, new StorageConfig(StorageConfig.Mode.MEMORY, 0,
        0, null, null), memory)).integrations();
    assertThat(integrations).isSameAs(contacts.integrations()).isInstanceOf(ContactSource.class);
    assertThat(contacts.sources()).contains((ContactSource) integrations);
  }
}
