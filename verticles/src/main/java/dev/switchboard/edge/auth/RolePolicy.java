package dev.switchboard.edge.auth;

import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an agent may do besides reading their tenants' data: act on conversations (take over, hand back, close,
 * block), send a message, ask what the AI makes of a text, sign out. Managing tokens, operators, schedules,
 * knowledge and tenants, replaying dead letters, is for admins. Tenant scoping is not decided here: every route
 * still asks the caller for the tenant.
 */
final class RolePolicy {
  private static final List<Pattern> AGENT_ACTIONS = List.of(
      Pattern.compile("^/admin/v1/conversations/[^/]+/(handoff|handback|close|block|unblock)$"),
      Pattern.compile("^/admin/v1/actions$"),
      // Reads only: what the AI makes of a customer's text (the console shows it per message).
      Pattern.compile("^/admin/v1/ai/classify$"),
      Pattern.compile("^/admin/v1/auth/logout$"));
  /** Reads an agent has no use for, which name credentials or people. */
  private static final List<Pattern> AGENT_HIDDEN = List.of(
      Pattern.compile("^/admin/v1/tenants/[^/]+/tokens(/.*)?$"),
      Pattern.compile("^/admin/v1/operators(/.*)?$"));

  private RolePolicy() {
  }

  /** Why {@code caller} may not make this request, or null when the role allows it. */
  static String refusal(Caller caller, HttpMethod method, String path) {
    if (caller.role() != Caller.Role.AGENT) {
      return null;
    }
    boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
    if (read ? AGENT_HIDDEN.stream().anyMatch(p -> p.matcher(path).matches())
        : AGENT_ACTIONS.stream().noneMatch(p -> p.matcher(path).matches())) {
      return "the agent role cannot do this; ask an admin";
    }
    return null;
  }
}
