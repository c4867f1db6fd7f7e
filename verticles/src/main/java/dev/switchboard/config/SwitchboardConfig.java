package dev.switchboard.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The whole configuration, loaded once at start-up by {@link ConfigLoader}. {@code secretsKey} (base64 of 32
 * bytes, {@code SB_SECRETS_KEY}) encrypts the secrets of tenants provisioned through the admin API.
 */
public record SwitchboardConfig(HttpConfig http, String adminToken, SessionConfig session, OutboundConfig outbound,
                                SchedulerConfig scheduler, StorageConfig storage, List<TenantConfig> tenants,
                                ClusterConfig cluster, String secretsKey, List<OperatorConfig> operators) {
  public SwitchboardConfig {
    http = http == null ? new HttpConfig(null, 0, 0, 0, 0, 0, 0) : http;
    session = session == null ? new SessionConfig(0, null, 0, 0, 0, 0, 0, 0, 0) : session;
    outbound = outbound == null
        ? new OutboundConfig(null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : outbound;
    scheduler = scheduler == null ? new SchedulerConfig(0, 0, null, null, 0, 0) : scheduler;
    storage = storage == null ? new StorageConfig(null, 0, 0, null, null) : storage;
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
    cluster = cluster == null ? ClusterConfig.disabled() : cluster;
    operators = operators == null ? List.of() : List.copyOf(operators);
    if (cluster.enabled() && storage.mode() != StorageConfig.Mode.POSTGRES) {
      throw new IllegalArgumentException("cluster mode needs storage.mode: postgres (nodes share their state)");
    }
    if (adminToken == null || adminToken.isBlank()) {
      throw new IllegalArgumentException("adminToken must be set (SB_ADMIN_TOKEN)");
    }
    Set<String> channelIds = new HashSet<>();
    for (TenantConfig tenant : tenants) {
      for (ChannelConfig channel : tenant.channels()) {
        if (!channelIds.add(channel.id())) {
          throw new IllegalArgumentException("channel id used twice: " + channel.id());
        }
      }
      for (IntegrationConfig integration : tenant.integrations()) {
        if (!channelIds.add(integration.id())) {
          throw new IllegalArgumentException("channel or integration id used twice: " + integration.id());
        }
      }
    }
  }

  public SwitchboardConfig withHttp(HttpConfig value) {
    return new SwitchboardConfig(Objects.requireNonNull(value), adminToken, session, outbound, scheduler, storage,
        tenants, cluster, secretsKey, operators);
  }

  public SwitchboardConfig withSession(SessionConfig value) {
    return new SwitchboardConfig(http, adminToken, value, outbound, scheduler, storage, tenants, cluster,
        secretsKey, operators);
  }

  public SwitchboardConfig withOutbound(OutboundConfig value) {
    return new SwitchboardConfig(http, adminToken, session, value, scheduler, storage, tenants, cluster,
        secretsKey, operators);
  }

  public SwitchboardConfig withScheduler(SchedulerConfig value) {
    return new SwitchboardConfig(http, adminToken, session, outbound, value, storage, tenants, cluster,
        secretsKey, operators);
  }

  public SwitchboardConfig withCluster(ClusterConfig value) {
    return new SwitchboardConfig(http, adminToken, session, outbound, scheduler, storage, tenants, value,
        secretsKey, operators);
  }

  /** The same settings with {@code value} as the tenants (checked again: ids unique across all of them). */
  public SwitchboardConfig withTenants(List<TenantConfig> value) {
    return new SwitchboardConfig(http, adminToken, session, outbound, scheduler, storage, value, cluster,
        secretsKey, operators);
  }
}
