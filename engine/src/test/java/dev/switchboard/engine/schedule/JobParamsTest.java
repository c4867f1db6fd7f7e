package dev.switchboard.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobParamsTest {
  private static final Set<String> SMTP = Set.of("mail");

  @Test
  void reportDefaultsToAllThreeFormatsAndChecksEveryField() {
    Map<String, Object> ok = JobParams.check(ScheduleJob.REPORT, Map.of("period", "last-month",
        "recipients", List.of("a@example.com"), "smtp", "mail"), SMTP, null);
    assertThat(ok).containsEntry("formats", List.of("csv", "xlsx", "pdf"));
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.REPORT, Map.of("period", "ontem",
        "recipients", List.of("a@example.com"), "smtp", "mail"), SMTP, null)).hasMessageContaining("params.period");
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.REPORT, Map.of("period", "yesterday",
        "recipients", List.of("not-an-address"), "smtp", "mail"), SMTP, null)).hasMessageContaining("recipients");
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.REPORT, Map.of("period", "yesterday",
        "recipients", List.of("a@example.com"), "smtp", "mail", "formats", List.of("docx")), SMTP, null))
        .hasMessageContaining("formats");
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.REPORT, Map.of("period", "yesterday",
        "recipients", List.of("a@example.com"), "smtp", "other"), SMTP, null)).hasMessageContaining("[mail]");
  }

  @Test
  void followUpNeedsQuietMinutesAndATextFromParamsOrTheTenant() {
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.FOLLOW_UP, Map.of("text", "oi?"), SMTP, null))
        .hasMessageContaining("params.quietMinutes");
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.FOLLOW_UP, Map.of("quietMinutes", 30), SMTP, null))
        .hasMessageContaining("followUp template");
    Map<String, Object> ok = JobParams.check(ScheduleJob.FOLLOW_UP, Map.of("quietMinutes", 30,
        "whatsappTemplate", "retomar"), SMTP, "Ainda por aí?");
    assertThat(ok).containsEntry("text", "Ainda por aí?").containsEntry("maxFollowUps", 1)
        .containsEntry("whatsappTemplateLanguage", "pt_BR");
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.FOLLOW_UP, Map.of("quietMinutes", 30, "maxFollowUps", 11),
        SMTP, "x")).hasMessageContaining("from 1 to 10");
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.FOLLOW_UP, Map.of("quietMinutes", 2.5), SMTP, "x"))
        .hasMessageContaining("whole number");
  }

  @Test
  void rollupDaysDefaultToTwo() {
    assertThat(JobParams.check(ScheduleJob.ROLLUP, Map.of(), SMTP, null)).containsEntry("days", 2);
    assertThatThrownBy(() -> JobParams.check(ScheduleJob.ROLLUP, Map.of("days", 0), SMTP, null))
        .hasMessageContaining("params.days");
  }
}
