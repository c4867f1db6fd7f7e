package dev.switchboard.engine.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.channel.email.MailAttachment;
import dev.switchboard.engine.channel.email.ParsedMail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule matching, step validation and the Mustache templates steps are written in. */
class AutomationRulesTest {
  static final Instant T0 = Instant.parse("2026-12-02T13:00:00Z");

  static AutomationStep telegram(String text) {
    return new AutomationStep(StepType.TELEGRAM_NOTIFY, "tg", null, null, null, null, null, "-100123", text, null,
        null, null);
  }

  @Test
  void theFirstRuleWhoseTriggerMatchesTakesTheMail() {
    AutomationRule quotes = new AutomationRule("quotes", new Trigger("inbox", null, "or[cç]amento", null),
        List.of(telegram("q")));
    AutomationRule vip = new AutomationRule("vip", new Trigger("inbox", null, null, "@bigclient\\.com\\.br$"),
        List.of(telegram("v")));
    AutomationRule rest = new AutomationRule("rest", new Trigger("inbox", null, null, null), List.of(telegram("r")));
    List<AutomationRule> rules = List.of(quotes, vip, rest);
    assertThat(AutomationRule.first(rules, "inbox", "ORÇAMENTO de split", "a@x.com", null)).isEqualTo(quotes);
    assertThat(AutomationRule.first(rules, "inbox", "Chamado", "ana@BigClient.com.br", null)).isEqualTo(vip);
    assertThat(AutomationRule.first(rules, "inbox", "Chamado", "ana@x.com", null)).isEqualTo(rest);
    assertThat(AutomationRule.first(rules, "other-inbox", "Orçamento", "ana@x.com", null)).isNull();
    AutomationRule byIntent = new AutomationRule("agenda", new Trigger("inbox", "schedule", null, null),
        List.of(telegram("a")));
    assertThat(byIntent.needsIntent()).isTrue();
    assertThat(byIntent.trigger().matches("inbox", "s", "a@x", "SCHEDULE")).isTrue();
    assertThat(byIntent.trigger().matches("inbox", "s", "a@x", "cancel")).isFalse();
  }

  @Test
  void badRulesAndStepsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> new Trigger("inbox", null, "([", null)).hasMessageContaining("subject is not a valid");
    assertThatThrownBy(() -> new AutomationRule("r", new Trigger("inbox", null, null, null), List.of()))
        .hasMessageContaining("has no steps");
    assertThatThrownBy(() -> telegram("{{#fields}}unclosed")).hasMessageContaining("not valid Mustache");
    assertThatThrownBy(() -> new AutomationStep(StepType.TRELLO_CARD, null, null, "t", null, null, null, null, null,
        null, null, null)).hasMessageContaining("needs a target");
    assertThatThrownBy(() -> new AutomationStep(StepType.EMAIL_REPLY, "smtp", null, null, null, null, null, null,
        null, "s", null, null)).hasMessageContaining("subject and body");
    assertThatThrownBy(() -> StepType.of("trello.list")).hasMessageContaining("one of extract, trello.card");
    assertThat(StepType.of("Telegram.Notify")).isEqualTo(StepType.TELEGRAM_NOTIFY);
  }

  @Test
  void templatesSeeTheMailTheExtractedFieldsAndTheAttachments() {
    ParsedMail mail = new ParsedMail("m1@x", "maria@gmail.com", "Maria Souza", "Ar pingando", T0,
        "Meu ar está pingando.", List.of(new MailAttachment("foto.jpg", "image/jpeg", 2048, false)), false);
    IntegrationRecord record = new IntegrationRecord("rec-1", "assistec", "inbox", "m1@x", "chamados",
        IntegrationStatus.PENDING, 1, "maria@gmail.com", MailSource.of(mail).json(),
        "{\"phone\":\"+5511987654321\",\"date\":\"2026-12-11\"}", null, null, 0, T0, T0, null);
    Map<String, Object> context = StepTemplates.context(record);
    assertThat(StepTemplates.render("{{subject}} — {{fromName}} <{{from}}> tel {{phone}} / {{fields.date}}"
        + "{{#attachments}} [{{name}} {{size}}]{{/attachments}} {{missing}}!", context))
        .isEqualTo("Ar pingando — Maria Souza <maria@gmail.com> tel +5511987654321 / 2026-12-11 [foto.jpg 2048] !");
    // Plain text: nothing is HTML-escaped.
    assertThat(StepTemplates.render("{{text}} & <ok>", context)).isEqualTo("Meu ar está pingando. & <ok>");
    assertThat(StepTemplates.render("{{integrationId}}", context)).isEqualTo("rec-1");
  }

  @Test
  void theRecordIdIsTheSameForTheSameMailAndDiffersAcrossTenantsAndMailboxes() {
    String id = MailSource.recordId("assistec", "inbox", "m1@x");
    assertThat(MailSource.recordId("assistec", "inbox", "m1@x")).isEqualTo(id);
    assertThat(MailSource.recordId("other", "inbox", "m1@x")).isNotEqualTo(id);
    assertThat(MailSource.recordId("assistec", "inbox2", "m1@x")).isNotEqualTo(id);
  }
}
