package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.ai.knowledge.KnowledgeEntry;
import dev.switchboard.engine.store.KnowledgeStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every knowledge store must do. */
abstract class KnowledgeStoreContract {

  abstract KnowledgeStore knowledge();

  @Test
  void putReplacesListsByIdAndDeletes() {
    String tenant = "t-" + UUID.randomUUID();
    await(knowledge().put(tenant, new KnowledgeEntry("b-hours", "Horário", "9h às 18h")));
    await(knowledge().put(tenant, new KnowledgeEntry("a-address", "Endereço", "Rua A, 1")));
    await(knowledge().put(tenant, new KnowledgeEntry("b-hours", "Horário", "8h às 20h")));
    assertThat(await(knowledge().list(tenant))).containsExactly(new KnowledgeEntry("a-address", "Endereço", "Rua A, 1"),
        new KnowledgeEntry("b-hours", "Horário", "8h às 20h"));
    assertThat(await(knowledge().list("other-" + tenant))).isEmpty();
    assertThat(await(knowledge().delete(tenant, "a-address"))).isTrue();
    assertThat(await(knowledge().delete(tenant, "a-address"))).isFalse();
    assertThat(await(knowledge().list(tenant))).extracting(KnowledgeEntry::id).containsExactly("b-hours");
  }
}
