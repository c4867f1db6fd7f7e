package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Operator;
import dev.switchboard.engine.store.OperatorSession;
import dev.switchboard.engine.store.OperatorStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every operator store must do: operators by username, sessions that expire and end with their operator. */
abstract class OperatorStoreContract {
  static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  abstract OperatorStore operators();

  private static String name() {
    return "op-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void putReplacesByUsernameAndListsInOrder() {
    String name = name();
    Operator first = new Operator(name, "pbkdf2-sha256$1$a$b", Operator.Role.AGENT, Set.of("acme"), "config", T0);
    await(operators().put(first));
    assertThat(await(operators().find(name))).isEqualTo(first);
    Operator second = new Operator(name, "pbkdf2-sha256$2$c$d", Operator.Role.ADMIN, Set.of("acme", "clinic"), "api",
        T0);
    await(operators().put(second));
    assertThat(await(operators().find(name))).isEqualTo(second);
    assertThat(await(operators().list())).filteredOn(o -> o.username().equals(name)).containsExactly(second);
    assertThat(await(operators().find("missing-" + name))).isNull();
  }

  @Test
  void aSessionHoldsUntilItExpiresAndEndsWithItsOperatorOrASignOut() {
    String name = name();
    await(operators().put(new Operator(name, "h", Operator.Role.AGENT, Set.of("acme"), "api", T0)));
    Instant expires = T0.plus(12, ChronoUnit.HOURS);
    OperatorSession session = new OperatorSession("hash-" + name, name, T0, expires);
    await(operators().addSession(session));
    assertThat(await(operators().findSession(session.tokenHash(), T0.plusSeconds(60)))).isEqualTo(session);
    assertThat(await(operators().findSession(session.tokenHash(), expires))).isNull();
    assertThat(await(operators().findSession("other-" + name, T0))).isNull();

    OperatorSession second = new OperatorSession("hash2-" + name, name, T0, expires);
    await(operators().addSession(second));
    await(operators().deleteSession(second.tokenHash()));
    assertThat(await(operators().findSession(second.tokenHash(), T0))).isNull();

    assertThat(await(operators().delete(name))).isTrue();
    assertThat(await(operators().delete(name))).isFalse();
    assertThat(await(operators().findSession(session.tokenHash(), T0))).isNull();
  }

  @Test
  void expiredSessionsAreForgotten() {
    String name = name();
    await(operators().put(new Operator(name, "h", Operator.Role.AGENT, Set.of("acme"), "api", T0)));
    await(operators().addSession(new OperatorSession("old-" + name, name, T0, T0.plusSeconds(10))));
    await(operators().addSession(new OperatorSession("new-" + name, name, T0, T0.plusSeconds(1000))));
    assertThat(await(operators().deleteExpired(T0.plusSeconds(10)))).isGreaterThanOrEqualTo(1);
    assertThat(await(operators().findSession("new-" + name, T0))).isNotNull();
    assertThat(await(operators().findSession("old-" + name, T0))).isNull();
  }
}
