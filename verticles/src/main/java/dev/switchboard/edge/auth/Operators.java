package dev.switchboard.edge.auth;

import dev.switchboard.config.OperatorConfig;
import dev.switchboard.engine.store.Operator;
import dev.switchboard.engine.store.OperatorSession;
import dev.switchboard.engine.store.OperatorStore;
import dev.switchboard.engine.store.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Console operators: seeded from the configuration, signed in with a password (PBKDF2 on a worker thread, attempts
 * rate-limited per username and per client address), each sign-in a random 256-bit session token of which only the
 * SHA-256 is stored, like the tenant API tokens.
 */
public final class Operators {
  public static final Duration SESSION_TTL = Duration.ofHours(12);
  /** Per username: 10 attempts at once, then one a minute; per address: 50, then one each 5 s. */
  static final RateLimiter.Limit PER_USER = new RateLimiter.Limit(1.0 / 60, 10);
  static final RateLimiter.Limit PER_ADDRESS = new RateLimiter.Limit(0.2, 50);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Vertx vertx;
  private final OperatorStore store;
  private final RateLimiter limiter;
  private final Clock clock;

  public Operators(Vertx vertx, OperatorStore store, RateLimiter limiter, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.limiter = limiter;
    this.clock = clock;
  }

  public OperatorStore store() {
    return store;
  }

  /** What a sign-in gives: the token to hand over once, and who signed in. */
  public record SignedIn(String token, Operator operator, Instant expiresAt) {
  }

  /** Thrown when a sign-in is refused for too many attempts; {@code retryAfter} says when to try again. */
  public static final class TooManyAttempts extends RuntimeException {
    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
      super("too many sign-in attempts", null, false, false);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * Puts the configured operators in the store (the configuration wins over an earlier API change of the same
   * name) and removes those an earlier configuration defined and this one no longer does, so deleting an entry
   * revokes that access at the next start. A malformed entry fails the whole seed, so a typo stops the start.
   */
  public Future<Integer> seed(List<OperatorConfig> configured, Predicate<String> tenantExists) {
    List<Operator> operators = new ArrayList<>();
    Set<String> names = new HashSet<>();
    try {
      for (OperatorConfig c : configured) {
        if (!PasswordHash.wellFormed(c.passwordHash())) {
          throw new IllegalArgumentException("operator " + c.username() + ": passwordHash must be a PasswordHash "
              + "output (pbkdf2-sha256$iterations$salt$hash)");
        }
        for (String tenant : c.tenants()) {
          if (!tenantExists.test(tenant)) {
            throw new IllegalArgumentException("operator " + c.username() + ": unknown tenant " + tenant);
          }
        }
        if (!names.add(c.username())) {
          throw new IllegalArgumentException("operator defined twice: " + c.username());
        }
        operators.add(new Operator(c.username(), c.passwordHash(), Operator.Role.of(String.valueOf(c.role())),
            Set.copyOf(c.tenants()), "config", clock.instant()));
      }
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("operators: " + e.getMessage(), e));
    }
    Future<Void> chain = Future.succeededFuture();
    for (Operator o : operators) {
      chain = chain.compose(v -> store.put(o));
    }
    return chain.compose(v -> store.list()).compose(all -> {
      Future<Boolean> removals = Future.succeededFuture();
      for (Operator stale : all) {
        if ("config".equals(stale.source()) && !names.contains(stale.username())) {
          removals = removals.compose(x -> store.delete(stale.username()));
        }
      }
      return removals;
    }).map(operators.size());
  }

  /**
   * Checks the password and opens a session. Fails with {@link TooManyAttempts} when the username or the address
   * has no attempt left, and with a {@link SecurityException} for a wrong username or password (the same failure,
   * after the same work, for both).
   */
  public Future<SignedIn> login(String username, char[] password, String address) {
    return limiter.acquire("login:user:" + username, PER_USER)
        .compose(wait -> wait.isZero() ? limiter.acquire("login:ip:" + address, PER_ADDRESS) : Future.succeededFuture(wait))
        .compose(wait -> wait.isZero() ? store.find(username) : Future.failedFuture(new TooManyAttempts(wait)))
        .compose(operator -> vertx.executeBlocking(() -> operator != null
            ? PasswordHash.verify(password, operator.passwordHash()) : PasswordHash.verifyDecoy(password), false)
            .compose(ok -> ok ? open(operator) : Future.failedFuture(new SecurityException("wrong username or password"))));
  }

  private Future<SignedIn> open(Operator operator) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "sbs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expires = now.plus(SESSION_TTL);
    return store.deleteExpired(now)
        .compose(n -> store.addSession(new OperatorSession(TenantApiTokens.hash(token), operator.username(), now,
            expires)))
        .map(new SignedIn(token, operator, expires));
  }

  /** The operator behind a session token, or null when it is unknown, expired, or the operator is gone. */
  public Future<Operator> resolve(String token) {
    return store.findSession(TenantApiTokens.hash(token), clock.instant())
        .compose(session -> session == null ? Future.succeededFuture(null) : store.find(session.username()));
  }

  public Future<Void> logout(String token) {
    return store.deleteSession(TenantApiTokens.hash(token));
  }

  /** Hashes a new password on a worker thread. */
  public Future<String> hash(char[] password) {
    return vertx.executeBlocking(() -> PasswordHash.hash(password), false);
  }

  /** The admin API caller an operator is: {@code agent:<username>} in audit entries, bound to their tenants. */
  public static Caller caller(Operator operator) {
    return new Caller("agent:" + operator.username(),
        operator.role() == Operator.Role.ADMIN ? Caller.Role.ADMIN : Caller.Role.AGENT, operator.tenants());
  }
}
