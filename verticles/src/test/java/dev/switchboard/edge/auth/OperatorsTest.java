package dev.switchboard.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.config.OperatorConfig;
import dev.switchboard.engine.store.Operator;
import dev.switchboard.engine.store.memory.MemoryOperatorStore;
import dev.switchboard.engine.store.memory.MemoryRateLimiter;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorsTest {
  static final String HASH = "pbkdf2-sha256$600000$1YPGRns9qfJEekVudIzzSg$j0UA47HUTbCRqtn4XR1fVvTnC1it56ywLGCWxII45GE";
  final Vertx vertx = Vertx.vertx();
  final MemoryOperatorStore store = new MemoryOperatorStore();
  final Operators operators = new Operators(vertx, store, new MemoryRateLimiter(), Clock.systemUTC());

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void theConfigurationWinsAndAnOperatorItNoLongerListsLosesAccess() {
    store.put(new Operator("ana", HASH, Operator.Role.ADMIN, Set.of("acme"), "api", Instant.EPOCH)).await();
    store.put(new Operator("velho", HASH, Operator.Role.AGENT, Set.of("acme"), "config", Instant.EPOCH)).await();
    store.put(new Operator("pela-api", HASH, Operator.Role.AGENT, Set.of("acme"), "api", Instant.EPOCH)).await();

    int seeded = operators.seed(List.of(new OperatorConfig("ana", "agent", List.of("acme"), HASH)), "acme"::equals)
        .await();

    assertThat(seeded).isEqualTo(1);
    Operator ana = store.find("ana").await();
    assertThat(ana.role()).isEqualTo(Operator.Role.AGENT);
    assertThat(ana.source()).isEqualTo("config");
    assertThat(store.find("velho").await()).as("removed from the configuration").isNull();
    assertThat(store.find("pela-api").await()).as("managed through the API, kept").isNotNull();
  }

  @Test
  void aMalformedEntryStopsTheSeedWithItsReason() {
    assertThatThrownBy(() -> operators.seed(List.of(new OperatorConfig("ana", "agent", List.of("acme"), "segredo")),
        "acme"::equals).await()).hasMessageContaining("passwordHash");
    assertThatThrownBy(() -> operators.seed(List.of(new OperatorConfig("ana", "agent", List.of("nope"), HASH)),
        "acme"::equals).await()).hasMessageContaining("unknown tenant nope");
    assertThatThrownBy(() -> operators.seed(List.of(new OperatorConfig("ana", "chefe", List.of("acme"), HASH)),
        "acme"::equals).await()).hasMessageContaining("role");
    assertThat(store.list().await()).isEmpty();
  }

  @Test
  void aSignInChecksThePasswordOffTheEventLoopAndOpensASession() {
    operators.seed(List.of(new OperatorConfig("admin", "admin", List.of("acme"), HASH)), "acme"::equals).await();
    Operators.SignedIn in = operators.login("admin", "demo-admin".toCharArray(), "127.0.0.1").await();
    assertThat(in.token()).startsWith("sbs_").hasSize(47);
    assertThat(operators.resolve(in.token()).await().username()).isEqualTo("admin");
    assertThat(Operators.caller(in.operator()).role()).isEqualTo(Caller.Role.ADMIN);
    assertThatThrownBy(() -> operators.login("admin", "errada".toCharArray(), "127.0.0.1").await())
        .isInstanceOf(SecurityException.class);
    operators.logout(in.token()).await();
    assertThat(operators.resolve(in.token()).await()).isNull();
  }
}
