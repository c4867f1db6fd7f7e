package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.automation.StepType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mailboxes and automations load from YAML, and a rule pointing at the wrong thing fails the load with the reason. */
class AutomationConfigTest {
  private static final Map<String, String> ENV = Map.of("PORT", "1", "IMAP_PASSWORD", "s3cret");

  private static String yaml() throws IOException {
    return Files.readString(Path.of("src/test/resources/automations-test.yaml"));
  }

  private static SwitchboardConfig load(String yaml) {
    return ConfigLoader.parse(yaml, ENV::get);
  }

  @Test
  void theTestTenantLoadsWithItsMailboxAndRules() throws IOException {
    TenantConfig tenant = load(yaml()).tenants().get(0);
    MailboxConfig box = tenant.mailboxes().get(0);
    assertThat(box.type()).isEqualTo("imap");
    assertThat(box.password()).isEqualTo("s3cret");
    assertThat(box.folder()).isEqualTo("INBOX");
    assertThat(box.maxAttachmentBytes()).isEqualTo(4096);
    assertThat(box.toString()).doesNotContain("s3cret");
    assertThat(tenant.automations()).extracting(a -> a.id()).containsExactly("cancelamentos", "orcamentos", "chamados");
    assertThat(tenant.automations().get(2).steps()).extracting(s -> s.type())
        .containsExactly(StepType.EXTRACT, StepType.TRELLO_CARD, StepType.TELEGRAM_NOTIFY);
  }

  @Test
  void wrongTargetsTriggersAndTemplatesAreRefusedWithTheReason() throws IOException {
    String yaml = yaml();
    assertThatThrownBy(() -> load(yaml.replace("target: assistec-trello", "target: assistec-smtp")))
        .hasMessageContaining("step trello.card target assistec-smtp is not a trello integration");
    assertThatThrownBy(() -> load(yaml.replace("target: assistec-telegram", "target: nowhere")))
        .hasMessageContaining("is not a telegram channel of this tenant");
    assertThatThrownBy(() -> load(yaml.replace("          channel: assistec-inbox\n        steps:\n          - type: "
        + "extract\n          - type: trello.card", "          channel: other-inbox\n        steps:\n          - type: "
        + "extract\n          - type: trello.card")))
        .hasMessageContaining("trigger channel other-inbox is not a mailbox of this tenant");
    assertThatThrownBy(() -> load(yaml.replace("text: \"Novo chamado", "text: \"{{#x}}Novo chamado")))
        .hasMessageContaining("not valid Mustache");
    assertThatThrownBy(() -> load(yaml.replace("type: imap", "type: pop3")))
        .hasMessageContaining("type must be imap");
    assertThatThrownBy(() -> load(yaml.replace("type: telegram.notify", "type: slack.notify")))
        .hasMessageContaining("unknown step type slack.notify");
  }
}
