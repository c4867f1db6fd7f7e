package dev.switchboard.store;

import dev.switchboard.automation.AutomationStores;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.Stores;

import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.store.BookingStore;
import dev.switchboard.engine.store.InboxStore;
import dev.switchboard.engine.store.OutboxStore;
import dev.switchboard.engine.store.RateLimiter;
import dev.switchboard.engine.store.ReportStore;
import dev.switchboard.engine.store.ScheduleStore;
import dev.switchboard.engine.store.TenantScheduleStore;
import dev.switchboard.engine.store.TenantStore;
import dev.switchboard.engine.store.memory.MemoryRateLimiter;
import dev.switchboard.engine.store.memory.MemoryScheduleStore;
import dev.switchboard.engine.store.memory.MemoryTenantScheduleStore;
import dev.switchboard.engine.store.memory.MemoryTenantStore;
import dev.switchboard.engine.store.memory.MemoryKnowledgeStore;
import dev.switchboard.engine.store.KnowledgeStore;
import dev.switchboard.store.pg.PgStores;
import dev.switchboard.store.redis.RedisStores;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** Each store contract run against every implementation: memory, PostgreSQL, and Redis in front of PostgreSQL. */
class StoreContractsTest {
  private static final StorageConfig MEMORY = new StorageConfig(StorageConfig.Mode.MEMORY, 0, 0, null, null);

  @Nested
  class MemoryInbox extends InboxStoreContract {
    private final Stores stores = Storage.memory(MEMORY);

    @Override
    InboxStore inbox() {
      return stores.inbox();
    }
  }

  @Nested
  class MemoryOutbox extends OutboxStoreContract {
    private final Stores stores = Storage.memory(MEMORY);

    @Override
    OutboxStore outbox() {
      return stores.outbox();
    }
  }

  @Nested
  class MemoryConversations extends ConversationStoreContract {
    private final Stores stores = Storage.memory(MEMORY);

    @Override
    Stores stores() {
      return stores;
    }
  }

  /** One schema for all PostgreSQL runs of this class; tests use distinct keys. */
  @Nested
  class PostgresInbox extends InboxStoreContract {
    @Override
    InboxStore inbox() {
      return Pg.stores.inbox();
    }
  }

  @Nested
  class PostgresOutbox extends OutboxStoreContract {
    @Override
    OutboxStore outbox() {
      return Pg.stores.outbox();
    }
  }

  @Nested
  class PostgresConversations extends ConversationStoreContract {
    @Override
    Stores stores() {
      return Pg.stores;
    }
  }

  @Nested
  class MemoryRateLimits extends RateLimiterContract {
    private final RateLimiter limiter = new MemoryRateLimiter();

    @Override
    RateLimiter limiter() {
      return limiter;
    }
  }

  @Nested
  class MemorySchedules extends ScheduleStoreContract {
    private final ScheduleStore schedules = new MemoryScheduleStore();

    @Override
    ScheduleStore schedules() {
      return schedules;
    }
  }

  @Nested
  class PostgresSchedules extends ScheduleStoreContract {
    @Override
    ScheduleStore schedules() {
      return Pg.stores.schedules();
    }
  }

  @Nested
  class MemoryTenantSchedules extends TenantScheduleStoreContract {
    private final TenantScheduleStore store = new MemoryTenantScheduleStore(100);

    @Override
    TenantScheduleStore store() {
      return store;
    }
  }

  @Nested
  class PostgresTenantSchedules extends TenantScheduleStoreContract {
    @Override
    TenantScheduleStore store() {
      return Pg.stores.tenantSchedules();
    }
  }

  @Nested
  class MemoryReports extends ReportStoreContract {
    private final ReportStore reports = Storage.memory(new StorageConfig(StorageConfig.Mode.MEMORY, 0, 0, null, null))
        .reports();

    @Override
    ReportStore reports() {
      return reports;
    }
  }

  @Nested
  class PostgresReports extends ReportStoreContract {
    @Override
    ReportStore reports() {
      return Pg.stores.reports();
    }
  }

  @Nested
  class MemoryTenants extends TenantStoreContract {
    private final TenantStore tenants = new MemoryTenantStore();

    @Override
    TenantStore tenants() {
      return tenants;
    }
  }

  @Nested
  class PostgresTenants extends TenantStoreContract {
    @Override
    TenantStore tenants() {
      return Pg.stores.tenants();
    }
  }

  @Nested
  class MemoryKnowledge extends KnowledgeStoreContract {
    private final KnowledgeStore knowledge = new MemoryKnowledgeStore();

    @Override
    KnowledgeStore knowledge() {
      return knowledge;
    }
  }

  @Nested
  class PostgresKnowledge extends KnowledgeStoreContract {
    @Override
    KnowledgeStore knowledge() {
      return Pg.stores.knowledge();
    }
  }

  /** Redis in front of PostgreSQL (its own schema, its own key prefix on the shared Redis). */
  @Nested
  class RedisInbox extends InboxStoreContract {
    @Override
    InboxStore inbox() {
      return Pg.redisStores.inbox();
    }
  }

  @Nested
  class RedisConversations extends ConversationStoreContract {
    @Override
    Stores stores() {
      return Pg.redisStores;
    }
  }

  @Nested
  class RedisRateLimits extends RateLimiterContract {
    @Override
    RateLimiter limiter() {
      return Pg.redisStores.rateLimiter();
    }
  }

  @Nested
  class MemoryContactData extends ContactSourcesContract {
    private final Stores stores = Storage.memory(MEMORY);
    /** Handed over as the engine does it, so this also checks that the automations write where the erase looks. */
    private final IntegrationStore integrations =
        PgTestDatabase.await(AutomationStores.open(null, MEMORY, stores)).integrations();

    @Override
    IntegrationStore integrations() {
      return integrations;
    }

    @Override
    Stores stores() {
      return stores;
    }
  }

  @Nested
  class PostgresContactData extends ContactSourcesContract {
    @Override
    Stores stores() {
      return Pg.stores;
    }

    @Override
    IntegrationStore integrations() {
      return Pg.automation.integrations();
    }
  }

  @Nested
  class RedisContactData extends ContactSourcesContract {
    @Override
    Stores stores() {
      return Pg.redisStores;
    }

    @Override
    IntegrationStore integrations() {
      return Pg.redisAutomation.integrations();
    }
  }

  /** Shared PostgreSQL and Redis fixtures for the nested classes. */
  @Nested
  class MemoryBookings extends BookingStoreContract {
    private final Stores stores = Storage.memory(MEMORY);

    @Override
    BookingStore bookings() {
      return stores.bookings();
    }
  }

  @Nested
  class PostgresBookings extends BookingStoreContract {
    @Override
    BookingStore bookings() {
      return Pg.stores.bookings();
    }
  }

  static final class Pg {
    static Vertx vertx;
    static PgTestDatabase db;
    static PgTestDatabase redisDb;
    static Stores stores;
    static Stores redisStores;
    static AutomationStores automation;
    static AutomationStores redisAutomation;
  }

  @BeforeAll
  static void openPostgres() {
    Pg.vertx = Vertx.vertx();
    Pg.db = new PgTestDatabase(Pg.vertx);
    Pg.stores = PgTestDatabase.await(PgStores.create(Pg.vertx, Pg.db.config()));
    Pg.redisDb = new PgTestDatabase(Pg.vertx);
    Stores durable = PgTestDatabase.await(PgStores.create(Pg.vertx, Pg.redisDb.config()));
    Pg.redisStores = RedisStores.wrap(Pg.vertx, durable, RedisTestSupport.config(), null);
    Pg.automation = PgTestDatabase.await(AutomationStores.open(Pg.vertx,
        new StorageConfig(StorageConfig.Mode.POSTGRES, 0, 0, Pg.db.config(), null)));
    Pg.redisAutomation = PgTestDatabase.await(AutomationStores.open(Pg.vertx,
        new StorageConfig(StorageConfig.Mode.POSTGRES, 0, 0, Pg.redisDb.config(), null)));
  }

  @AfterAll
  static void closePostgres() {
    PgTestDatabase.await(Pg.stores.close());
    PgTestDatabase.await(Pg.redisStores.close());
    PgTestDatabase.await(Pg.automation.close());
    PgTestDatabase.await(Pg.redisAutomation.close());
    Pg.db.close();
    Pg.redisDb.close();
    PgTestDatabase.await(Pg.vertx.close());
  }
}
