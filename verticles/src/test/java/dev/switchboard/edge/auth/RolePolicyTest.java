package dev.switchboard.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolePolicyTest {
  static final Caller AGENT = new Caller("agent:ana", Caller.Role.AGENT, Set.of("acme"));
  static final Caller ADMIN = new Caller("agent:root", Caller.Role.ADMIN, Set.of("acme"));
  static final String KEY = "acme%3Awa%3A%2B5511999990001";

  @Test
  void anAgentReadsAndActsOnConversationsOnly() {
    for (String action : new String[] {"handoff", "handback", "close", "block", "unblock"}) {
      assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/conversations/" + KEY + "/" + action)).isNull();
    }
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/actions")).isNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/ai/classify")).isNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/auth/logout")).isNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.GET, "/admin/v1/conversations")).isNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.GET, "/admin/v1/dead-letters")).isNull();

    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/dead-letters/replay")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/tenants/acme/tokens")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.GET, "/admin/v1/tenants/acme/tokens")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.GET, "/admin/v1/tenants/acme/tokens/")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.DELETE, "/admin/v1/tenants/acme/tokens/x")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.GET, "/admin/v1/operators")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.PUT, "/admin/v1/tenants/acme/schedules/x")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.PUT, "/admin/v1/tenants/acme/knowledge/x")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/ai/extract")).isNotNull();
    // Mail the automations could not finish: an agent may read it, only an admin may resolve or retry it.
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.GET, "/admin/v1/integrations")).isNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/integrations/x/resolve")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/integrations/x/retry")).isNotNull();
    // Only the exact action paths: a variant is refused, not let through.
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/actions/")).isNotNull();
    assertThat(RolePolicy.refusal(AGENT, HttpMethod.POST, "/admin/v1/conversations/" + KEY + "/handoff/x"))
        .isNotNull();
  }

  @Test
  void otherRolesAreLeftToTheRoutes() {
    assertThat(RolePolicy.refusal(ADMIN, HttpMethod.POST, "/admin/v1/dead-letters/replay")).isNull();
    assertThat(RolePolicy.refusal(ADMIN, HttpMethod.GET, "/admin/v1/operators")).isNull();
    assertThat(RolePolicy.refusal(Caller.operator("operator"), HttpMethod.POST, "/admin/v1/config/reload")).isNull();
  }
}
