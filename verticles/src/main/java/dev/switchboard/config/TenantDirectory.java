package dev.switchboard.config;

import dev.switchboard.engine.event.ChannelRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Collection;

/** Read-only lookup of tenants and channels built once from the configuration; safe to share between verticles. */
public final class TenantDirectory {

  /** A channel with the tenant it belongs to. */
  public record Binding(TenantConfig tenant, ChannelConfig channel) {
    public ChannelRef ref() {
      return new ChannelRef(tenant.id(), channel.id(), channel.type());
    }
  }

  /** An integration with the tenant it belongs to. */
  public record IntegrationBinding(TenantConfig tenant, IntegrationConfig integration) {
  }

  /** One consistent snapshot: a reload swaps the whole of it, so a lookup never mixes old and new. */
  private record State(Map<String, Binding> byChannel, Map<String, TenantConfig> byTenant,
                       Map<String, IntegrationBinding> byIntegration) {
  }

  private volatile State state;

  public TenantDirectory(SwitchboardConfig config) {
    this.state = build(config);
  }

  /**
   * Takes the tenants, channels and integrations of a newly loaded configuration (templates, secrets and tokens,
   * timeouts, AI settings). Everything outside {@code tenants} is read once at start-up and needs a restart.
   */
  public void replace(SwitchboardConfig config) {
    this.state = build(config);
  }

  private static State build(SwitchboardConfig config) {
    Map<String, Binding> byChannel = new HashMap<>();
    Map<String, TenantConfig> byTenant = new HashMap<>();
    Map<String, IntegrationBinding> byIntegration = new HashMap<>();
    for (TenantConfig tenant : config.tenants()) {
      byTenant.put(tenant.id(), tenant);
      for (ChannelConfig channel : tenant.channels()) {
        byChannel.put(channel.id(), new Binding(tenant, channel));
      }
      for (IntegrationConfig integration : tenant.integrations()) {
        byIntegration.put(integration.id(), new IntegrationBinding(tenant, integration));
      }
    }
    return new State(Map.copyOf(byChannel), Map.copyOf(byTenant), Map.copyOf(byIntegration));
  }

  public Optional<Binding> channel(String channelId) {
    return Optional.ofNullable(state.byChannel().get(channelId));
  }

  public Optional<IntegrationBinding> integration(String integrationId) {
    return Optional.ofNullable(state.byIntegration().get(integrationId));
  }

  public Optional<TenantConfig> tenant(String tenantId) {
    return Optional.ofNullable(state.byTenant().get(tenantId));
  }

  public Collection<TenantConfig> tenants() {
    return state.byTenant().values();
  }
}
