package dev.switchboard.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.channel.email.ParsedMail;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasedIntegrationTest {
  private static final Instant T0 = Instant.parse("2026-12-02T13:00:00Z");
  private static final String SENDER = "zuleica.q@example.com";

  private static IntegrationRecord record(IntegrationStatus status, String waitingOn) {
    String sourceId = "17000.1.JavaMail." + SENDER;
    String mail = MailSource.of(new ParsedMail(sourceId, SENDER, "Zuleica Quintanilha", "Ar pingando", T0,
        "moro na rua Tamboril 77", List.of(), false)).json();
    return new IntegrationRecord(MailSource.recordId("acme", "inbox", sourceId), "acme", "inbox", sourceId, "chamados",
        status, 2, SENDER, mail, "{\"telefone\":\"+5511987651234\"}", List.of("550 " + SENDER + " unknown"), waitingOn,
        7, T0, T0.plusSeconds(5), List.of(new IntegrationLogEntry(1, "trello.card", 1, T0, "error", "550 " + SENDER, null),
        new IntegrationLogEntry(1, "trello.card", 2, T0, "ok", null, "card-77")));
  }

  @Test
  void aSettledRecordKeepsItsStatusStepAndExternalIdsAndNothingOfTheSender() {
    IntegrationRecord r = record(IntegrationStatus.INTEGRATED, null);
    IntegrationRecord kept = ErasedRecords.integration(r);
    assertThat(kept.id()).isEqualTo(r.id());
    assertThat(kept.status()).isEqualTo(IntegrationStatus.INTEGRATED);
    assertThat(kept.step()).isEqualTo(2);
    assertThat(kept.version()).isEqualTo(8);
    assertThat(kept.log()).extracting(IntegrationLogEntry::outcome).containsExactly("error", "ok");
    assertThat(kept.log()).extracting(IntegrationLogEntry::externalId).containsExactly(null, "card-77");
    assertThat(Json.write(kept)).doesNotContain("zuleica", "Quintanilha", "Tamboril", "987651234", "Ar pingando");
    assertThat(ErasedRecords.erased(kept)).isTrue();
    assertThat(ErasedRecords.erased(r)).isFalse();
  }

  @Test
  void anUnsettledRecordStopsSoNoStepRunsAgainFromErasedData() {
    for (IntegrationStatus open : List.of(IntegrationStatus.PENDING, IntegrationStatus.REQUIRES_REVIEW)) {
      IntegrationRecord kept = ErasedRecords.integration(record(open, "acme:automation/x:2"));
      assertThat(kept.status()).as(open.name()).isEqualTo(IntegrationStatus.FAILED);
      assertThat(kept.waitingOn()).isNull();
      assertThat(kept.errors()).containsExactly(Erasure.ERASED);
    }
  }

  @Test
  void theExportShowsTheMailAndFieldsAsJson() {
    var row = ExportRows.integration(record(IntegrationStatus.INTEGRATED, null));
    assertThat(row.getJsonObject("mail").getString("from")).isEqualTo(SENDER);
    assertThat(row.getJsonObject("data").getString("telefone")).isEqualTo("+5511987651234");
    assertThat(row.getJsonArray("log").getJsonObject(1).getString("externalId")).isEqualTo("card-77");
  }
}
