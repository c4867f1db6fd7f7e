package dev.switchboard.edge.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling the admin API, resolved once per request by {@link AdminAuth}: an {@code actor} for audit entries,
 * a {@code role}, and the tenants the credential is bound to ({@code null}: every tenant — the service operator).
 * Routes never look at credentials themselves; they ask the caller whether it sees a tenant.
 */
public record Caller(String actor, Role role, Set<String> tenants) {

  /** What a credential may do. Only {@link #OPERATOR} acts on the service as a whole (reload, tenants). */
  public enum Role {
    /** The service-wide admin token: every tenant, service-wide routes. */
    OPERATOR,
    /** A person administering some tenants (console). */
    ADMIN,
    /** A person answering conversations of some tenants (console). */
    AGENT,
    /** An API token scoped to one tenant, for a tenant's own automation. */
    TENANT
  }

  static final String KEY = "sb.caller";

  public Caller {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    tenants = tenants == null ? null : Set.copyOf(tenants);
    if (tenants == null && role != Role.OPERATOR) {
      throw new IllegalArgumentException("only the operator sees every tenant");
    }
  }

  public static Caller operator(String actor) {
    return new Caller(actor, Role.OPERATOR, null);
  }

  /** Bound to every tenant (the service operator). */
  public boolean global() {
    return tenants == null;
  }

  public boolean sees(String tenantId) {
    return tenantId != null && (tenants == null || tenants.contains(tenantId));
  }

  /** The one tenant a scoped credential is bound to, when it is bound to exactly one; otherwise null. */
  public String onlyTenant() {
    return tenants != null && tenants.size() == 1 ? tenants.iterator().next() : null;
  }

  /** The caller of this request; {@link AdminAuth} put it there before any admin route ran. */
  public static Caller of(RoutingContext ctx) {
    Caller caller = ctx.get(KEY);
    if (caller == null) {
      throw new IllegalStateException("admin route reached without AdminAuth");
    }
    return caller;
  }
}
