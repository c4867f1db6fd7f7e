package dev.switchboard.app.config;

import dev.switchboard.engine.event.ChannelRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Read-only lookup of tenants and channels built once from the configuration; safe to share between verticles. */
public final class TenantDirectory {

  /** A channel with the tenant it belongs to. */
  public record Binding(TenantConfig tenant, ChannelConfig channel) {
    public ChannelRef ref() {
      return new ChannelRef(tenant.id(), channel.id(), channel.type());
    }
  }

  private final Map<String, Binding> byChannel = new HashMap<>();
  private final Map<String, TenantConfig> byTenant = new HashMap<>();
  private final Map<String, IntegrationBinding> byIntegration = new HashMap<>();

  /** An integration with the tenant it belongs to. */
  public record IntegrationBinding(TenantConfig tenant, IntegrationConfig integration) {
  }

  public TenantDirectory(SwitchboardConfig config) {
    for (TenantConfig tenant : config.tenants()) {
      byTenant.put(tenant.id(), tenant);
      for (ChannelConfig channel : tenant.channels()) {
        byChannel.put(channel.id(), new Binding(tenant, channel));
      }
      for (IntegrationConfig integration : tenant.integrations()) {
        byIntegration.put(integration.id(), new IntegrationBinding(tenant, integration));
      }
    }
  }

  public Optional<Binding> channel(String channelId) {
    return Optional.ofNullable(byChannel.get(channelId));
  }

  public Optional<IntegrationBinding> integration(String integrationId) {
    return Optional.ofNullable(byIntegration.get(integrationId));
  }

  public Optional<TenantConfig> tenant(String tenantId) {
    return Optional.ofNullable(byTenant.get(tenantId));
  }

  public java.util.Collection<TenantConfig> tenants() {
    return byTenant.values();
  }
}
