package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.event.ChannelType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void shippedDefaultConfigLoadsWithTheDemoTenant() {
    SwitchboardConfig config = ConfigLoader.load("../config/switchboard.yaml", Map.of());
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().bodyLimitBytes()).isEqualTo(3L * 1024 * 1024);
    assertThat(config.session().debounceMs()).isEqualTo(1500L);
    assertThat(config.storage().mode()).isEqualTo(StorageConfig.Mode.MEMORY);
    TenantConfig demo = config.tenants().get(0);
    assertThat(demo.id()).isEqualTo("demo");
    assertThat(demo.channels()).extracting(ChannelConfig::type)
        .containsExactly(ChannelType.WEBCHAT, ChannelType.WHATSAPP, ChannelType.TELEGRAM);
    assertThat(demo.channels()).extracting(ChannelConfig::sender)
        .containsExactly(SenderKind.WEBCHAT, SenderKind.SANDBOX, SenderKind.SANDBOX);
    assertThat(demo.aiProvider()).isEqualTo(AiProviderKind.RULES);
    for (String template : new String[] {"greeting", "pricing", "schedule", "cancel", "thanks", "other", "handoff",
        "optOut", "fallback"}) {
      assertThat(demo.template(template)).as(template).isNotBlank();
    }
  }

  @Test
  void environmentOverridesSecretsAndSettings() {
    SwitchboardConfig config = ConfigLoader.load("../config/switchboard.yaml",
        Map.of("SB_ADMIN_TOKEN", "from-env", "SB_HTTP_PORT", "9999", "SB_DEMO_WHATSAPP_ACCESS_TOKEN", "tok"));
    assertThat(config.adminToken()).isEqualTo("from-env");
    assertThat(config.http().port()).isEqualTo(9999);
    assertThat(config.tenants().get(0).channels().get(1).accessToken()).isEqualTo("tok");
  }

  @Test
  void clusterModeIsOffByDefaultAndReadsItsMembersFromTheEnvironment() {
    assertThat(ConfigLoader.load("../config/switchboard.yaml", Map.of()).cluster().enabled()).isFalse();
    SwitchboardConfig config = ConfigLoader.load("../config/switchboard.yaml", Map.of("SB_CLUSTER", "true",
        "SB_STORAGE_MODE", "postgres", "SB_CLUSTER_PORT", "5702", "SB_NODE_ID", "n2",
        "SB_CLUSTER_MEMBERS", "[\"127.0.0.1:5701\", \"127.0.0.1:5702\"]", "SB_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));
    ClusterConfig cluster = config.cluster();
    assertThat(cluster.enabled()).isTrue();
    assertThat(cluster.nodeId()).isEqualTo("n2");
    assertThat(cluster.port()).isEqualTo(5702);
    assertThat(cluster.members()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
    assertThat(cluster.kafka().bootstrap()).isEqualTo("127.0.0.1:19092");
    assertThat(cluster.kafka().partitions()).isEqualTo(12);
  }

  @Test
  void clusterModeNeedsSharedPostgres() {
    assertThatThrownBy(() -> ConfigLoader.load("../config/switchboard.yaml", Map.of("SB_CLUSTER", "true")))
        .hasMessageContaining("cluster mode needs storage.mode: postgres");
  }

  @Test
  void missingVariableWithoutDefaultAndUnknownKeysAreErrors() {
    assertThatThrownBy(() -> ConfigLoader.parse("adminToken: ${NOPE}", k -> null))
        .hasMessageContaining("NOPE");
    assertThatThrownBy(() -> ConfigLoader.parse("adminToken: x\nhtpp: {}", k -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("htpp");
    assertThatThrownBy(() -> ConfigLoader.parse("http: {}", k -> null))
        .hasMessageContaining("adminToken");
  }

  @Test
  void duplicateChannelIdsAreRefused() {
    String yaml = """
        adminToken: x
        tenants:
          - id: a
            channels: [{id: c1, type: webchat}]
          - id: b
            channels: [{id: c1, type: telegram}]
        """;
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, k -> null)).hasMessageContaining("c1");
  }

  @Test
  void retentionDefaultsAndItsGuards() {
    RetentionConfig defaults = ConfigLoader.load("../config/switchboard.yaml", Map.of()).scheduler().retention();
    assertThat(defaults.inboxDays()).isEqualTo(14);
    assertThat(defaults.outboxDays()).isEqualTo(30);
    assertThat(defaults.everyMinutes()).isEqualTo(60);
    assertThat(ConfigLoader.parse("adminToken: t\nscheduler: {retention: {inboxDays: 0, outboxDays: 0}}", k -> null)
        .scheduler().retention().enabled()).isFalse();
    assertThat(ConfigLoader.parse("adminToken: t\nscheduler: {retention: {inboxDays: 20}}", k -> null).scheduler().retention()
        .outboxDays()).as("the outbox keeps at least as long as the inbox").isEqualTo(30);
    assertThatThrownBy(() -> ConfigLoader.parse("adminToken: t\nscheduler: {retention: {inboxDays: 3}}", k -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 7");
    assertThatThrownBy(() -> ConfigLoader.parse("adminToken: t\nscheduler: {retention: {inboxDays: 20, outboxDays: 10}}", k -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outboxDays must be 0 (forever) or at least inboxDays");
  }

  @Test
  void anUnknownSelectorIsRefusedNamingTheAllowedWords() {
    String yaml = "adminToken: x\ntenants:\n  - id: t1\n    aiProvider: gpt\n";
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, k -> null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown aiProvider 'gpt' (rules, openai)");
    String sender = "adminToken: x\ntenants:\n  - id: t1\n    channels:\n      - id: c1\n        type: whatsapp\n"
        + "        sender: carrier-pigeon\n";
    assertThatThrownBy(() -> ConfigLoader.parse(sender, k -> null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown sender 'carrier-pigeon'").hasMessageContaining("whatsapp");
    String storage = "adminToken: x\nstorage:\n  mode: cassandra\n";
    assertThatThrownBy(() -> ConfigLoader.parse(storage, k -> null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported storage mode: cassandra (memory, postgres)");
  }

  @Test
  void theDemoTenantBooksOnTheSandboxCalendarAndABookingMustNameACalendarIntegration() {
    BookingConfig demo = ConfigLoader.load("../config/switchboard.yaml", Map.of()).tenants().get(0).booking();
    assertThat(demo.calendar()).isEqualTo("demo-calendar");
    assertThat(demo.reminders()).containsExactly(1440, 60);
    assertThat(demo.offer()).isEqualTo(3);
    String base = "adminToken: x\ntenants:\n  - id: t1\n    integrations:\n      - id: mail\n        type: webhook\n"
        + "        url: http://127.0.0.1:1\n";
    assertThatThrownBy(() -> ConfigLoader.parse(base + "    booking: {calendar: mail}\n", k -> null))
        .hasMessageContaining("booking.calendar mail must name one of its integrations of type calcom or calendar");
    assertThatThrownBy(() -> ConfigLoader.parse(base + "    booking: {calendar: mail, open: \"18:00\", close: "
        + "\"08:00\"}\n", k -> null)).hasMessageContaining("close must be after open");
    assertThatThrownBy(() -> ConfigLoader.parse(base + "    booking: {calendar: mail, reminders: [0]}\n", k -> null))
        .hasMessageContaining("booking.reminders are minutes before the start");
  }
}
