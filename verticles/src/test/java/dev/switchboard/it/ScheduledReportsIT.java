package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's story: conversations happen through webhooks on 10 May; a daily 08:00 (São Paulo) report schedule
 * is created through the API; run-now e-mails yesterday's report through the tenant's SMTP (GreenMail here) with
 * CSV, XLSX and PDF attached, which the test opens with the libraries that read those formats; at 08:00 the
 * scheduled occurrence sends it again; both are in the execution log, and the roll-up is in metrics/daily.
 */
class ScheduledReportsIT {
  // Fields and hooks are package-visible: ScheduledReportsPostgresIT runs the same story on PostgreSQL.
  /** 12:00 in São Paulo on 10 May 2026. */
  static final Instant DAY = Instant.parse("2026-05-10T15:00:00Z");
  static final String SCHEDULES = "/admin/v1/tenants/acme/schedules";
  GreenMail smtp;
  MutableClock clock;
  TestEngine t;

  /** Placeholders of the storage under test; the PostgreSQL variant adds its own. */
  Map<String, String> storage() {
    return Map.of();
  }

  @BeforeEach
  void start() {
    int smtpPort = TestEngine.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    clock = new MutableClock(DAY);
    Map<String, String> env = new HashMap<>(storage());
    env.put("SMTP_PORT", String.valueOf(smtpPort));
    t = new TestEngine(env, clock);
  }

  @AfterEach
  void stop() {
    t.close();
    smtp.stop();
  }

  static HttpResponse<Buffer> call(TestEngine t, HttpMethod method, String path, JsonObject body) {
    var request = t.client.request(method, path).putHeader("Authorization", TestEngine.ADMIN);
    return Await.of(body == null ? request.send() : request.sendJsonObject(body));
  }

  static JsonObject reportSchedule() {
    return new JsonObject().put("id", "daily-report").put("name", "Relatório diário").put("cron", "0 8 * * *")
        .put("job", "report").put("params", new JsonObject().put("period", "yesterday")
            .put("recipients", new JsonArray().add("gerente@example.com").add("dono@example.com")).put("smtp", "mail"));
  }

  /** A customer's WhatsApp text, sent now by the test's clock. */
  Future<HttpResponse<Buffer>> say(String from, String id, String text) {
    return t.postMeta("wa", WhatsAppPayloads.text(from, id, text, clock.instant()));
  }

  /** Conversations on 10 May: what the report must count, read back from the conversations' own messages. */
  private int[] converse() {
    String prefix = "wamid.report." + System.nanoTime() + ".";
    Await.of(say("5511944440001", prefix + 1, "oi"));
    Await.of(say("5511944440002", prefix + 2, "quanto custa a instalação?"));
    Await.of(say("5511944440003", prefix + 3, "quero falar com um atendente"));
    assertThat(Await.until(() -> t.engine.sandbox().list("acme", 100).size() >= 3, 15_000)).isTrue();
    clock.advance(Duration.ofMinutes(5));
    Await.of(say("5511944440001", prefix + 4, "obrigado"));
    assertThat(Await.until(() -> t.engine.sandbox().list("acme", 100).size() >= 4, 15_000)).isTrue();
    int in = 0;
    int out = 0;
    for (String contact : List.of("+5511944440001", "+5511944440002", "+5511944440003")) {
      JsonArray messages = call(t, HttpMethod.GET, "/admin/v1/conversations/" + TestEngine.key("acme", "wa", contact)
          + "/messages", null).bodyAsJsonObject().getJsonArray("items");
      for (int i = 0; i < messages.size(); i++) {
        if ("INBOUND".equals(messages.getJsonObject(i).getString("direction"))) {
          in++;
        } else {
          out++;
        }
      }
    }
    assertThat(in).isEqualTo(4);
    return new int[] {3, in, out};
  }

  @Test
  void anOperatorCreatesADailyReportRunsItNowAndGetsItAgainAtEight() throws Exception {
    int[] expected = converse();
    // The next morning, 06:00 in São Paulo.
    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-05-11T09:00:00Z")));

    var created = call(t, HttpMethod.POST, SCHEDULES, reportSchedule());
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("nextRunAt")).isEqualTo("2026-05-11T11:00:00Z");
    assertThat(created.bodyAsJsonObject().getString("zone")).isEqualTo("America/Sao_Paulo");
    assertThat(call(t, HttpMethod.POST, SCHEDULES, reportSchedule()).statusCode()).isEqualTo(409);

    var run = call(t, HttpMethod.POST, SCHEDULES + "/daily-report/run", null);
    assertThat(run.statusCode()).as(run.bodyAsString()).isEqualTo(202);
    String runId = run.bodyAsJsonObject().getString("runId");
    assertThat(smtp.waitForIncomingEmail(20_000, 2)).as("mails; runs: %s", runs()).isTrue();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(List.of(mails[0].getAllRecipients()[0].toString(), mails[1].getAllRecipients()[0].toString()))
        .containsExactlyInAnyOrder("gerente@example.com", "dono@example.com");
    assertThat(mails[0].getSubject()).isEqualTo("Relatório acme — 10/05/2026");
    Map<String, byte[]> files = attachments(mails[0]);
    assertThat(files.keySet()).containsExactlyInAnyOrder("relatorio-acme-2026-05-10.csv",
        "relatorio-acme-2026-05-10.xlsx", "relatorio-acme-2026-05-10.pdf");
    checkXlsx(files.get("relatorio-acme-2026-05-10.xlsx"), expected);
    checkPdf(files.get("relatorio-acme-2026-05-10.pdf"), expected);
    String csv = new String(files.get("relatorio-acme-2026-05-10.csv"), StandardCharsets.UTF_8);
    assertThat(csv).contains("\r\nwa," + expected[0] + "," + expected[1] + "," + expected[2] + ",1,0,");

    JsonObject logged = awaitRun(runId, "SUCCEEDED");
    assertThat(logged.getString("trigger")).isEqualTo("RUN_NOW");
    assertThat(logged.getJsonObject("summary").getInteger("recipients")).isEqualTo(2);
    assertThat(logged.getJsonObject("summary").getJsonArray("files")).hasSize(3);
    assertThat(logged.getString("node")).isNotBlank();

    // 08:00 in São Paulo: the scheduled occurrence runs by itself, once.
    clock.advance(Duration.ofHours(2).plusSeconds(1));
    assertThat(smtp.waitForIncomingEmail(20_000, 4)).isTrue();
    assertThat(Await.until(() -> runs().stream().anyMatch(r -> "SCHEDULED".equals(r.getString("trigger"))
        && "SUCCEEDED".equals(r.getString("status"))), 10_000)).isTrue();
    JsonObject scheduled = runs().stream().filter(r -> "SCHEDULED".equals(r.getString("trigger"))).findFirst()
        .orElseThrow();
    assertThat(scheduled.getString("occurrence")).isEqualTo("2026-05-11T11:00:00Z");
    Thread.sleep(1500); // several polls: the occurrence must not run again
    assertThat(smtp.getReceivedMessages()).hasSize(4);
    assertThat(runs()).hasSize(2);
    assertThat(call(t, HttpMethod.GET, SCHEDULES + "/daily-report", null).bodyAsJsonObject().getString("nextRunAt"))
        .isEqualTo("2026-05-12T11:00:00Z");

    // The roll-up the report read.
    var daily = call(t, HttpMethod.GET, "/admin/v1/metrics/daily?tenant=acme&from=2026-05-10&to=2026-05-10", null);
    assertThat(daily.statusCode()).as(daily.bodyAsString()).isEqualTo(200);
    JsonArray days = daily.bodyAsJsonObject().getJsonArray("items");
    JsonObject wa = days.stream().map(JsonObject.class::cast).filter(d -> "wa".equals(d.getString("channel")))
        .findFirst().orElseThrow();
    assertThat(wa.getLong("conversations")).isEqualTo(expected[0]);
    assertThat(wa.getLong("messagesIn")).isEqualTo(expected[1]);
    assertThat(wa.getLong("messagesOut")).isEqualTo(expected[2]);
    assertThat(wa.getLong("handoffs")).isEqualTo(1);
    assertThat(wa.getLong("firstResponses")).isEqualTo(3);
  }

  @Test
  void badDefinitionsAre400WithTheReasonAndConfiguredOnesCannotBeChangedHere() {
    var badCron = call(t, HttpMethod.POST, SCHEDULES, reportSchedule().put("cron", "0 25 * * *"));
    assertThat(badCron.statusCode()).isEqualTo(400);
    assertThat(badCron.bodyAsJsonObject().getString("detail")).contains("not a valid 5-field Unix cron");
    var badZone = call(t, HttpMethod.POST, SCHEDULES, reportSchedule().put("zone", "Brasil/Recife"));
    assertThat(badZone.statusCode()).isEqualTo(400);
    assertThat(badZone.bodyAsJsonObject().getString("detail")).contains("not an IANA time zone");
    var badSmtp = call(t, HttpMethod.POST, SCHEDULES, reportSchedule().put("params",
        reportSchedule().getJsonObject("params").copy().put("smtp", "nope")));
    assertThat(badSmtp.bodyAsJsonObject().getString("detail")).contains("params.smtp must name one of");
    var badJob = call(t, HttpMethod.POST, SCHEDULES, reportSchedule().put("job", "backup"));
    assertThat(badJob.bodyAsJsonObject().getString("detail")).contains("job must be one of");
    assertThat(call(t, HttpMethod.POST, SCHEDULES + "/missing/run", null).statusCode()).isEqualTo(404);
    assertThat(call(t, HttpMethod.POST, "/admin/v1/tenants/nobody/schedules", reportSchedule()).statusCode())
        .isEqualTo(404);

    // The test configuration defines "nightly-rollup" for acme.
    var configured = call(t, HttpMethod.GET, SCHEDULES + "/nightly-rollup", null).bodyAsJsonObject();
    assertThat(configured.getString("origin")).isEqualTo("config");
    assertThat(call(t, HttpMethod.PUT, SCHEDULES + "/nightly-rollup", reportSchedule().put("id", "nightly-rollup"))
        .statusCode()).isEqualTo(409);
    assertThat(call(t, HttpMethod.DELETE, SCHEDULES + "/nightly-rollup", null).statusCode()).isEqualTo(409);
    var paused = call(t, HttpMethod.POST, SCHEDULES + "/nightly-rollup/pause", null).bodyAsJsonObject();
    assertThat(paused.getBoolean("paused")).isTrue();
    assertThat(paused.getString("nextRunAt")).isNull();
    var resumed = call(t, HttpMethod.POST, SCHEDULES + "/nightly-rollup/resume", null).bodyAsJsonObject();
    assertThat(resumed.getBoolean("paused")).isFalse();
    assertThat(resumed.getString("nextRunAt")).isNotNull();

    // PUT creates or replaces an API schedule; DELETE removes it.
    var put = call(t, HttpMethod.PUT, SCHEDULES + "/weekly", reportSchedule().put("id", "weekly").put("cron", "0 7 * * 1")
        .put("zone", "America/New_York"));
    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    assertThat(put.bodyAsJsonObject().getString("nextRunAt")).isEqualTo("2026-05-11T11:00:00Z");
    assertThat(call(t, HttpMethod.DELETE, SCHEDULES + "/weekly", null).bodyAsJsonObject().getBoolean("deleted"))
        .isTrue();
    assertThat(call(t, HttpMethod.GET, SCHEDULES + "/weekly", null).statusCode()).isEqualTo(404);
  }

  List<JsonObject> runs() {
    JsonArray items = call(t, HttpMethod.GET, SCHEDULES + "/daily-report/runs", null).bodyAsJsonObject()
        .getJsonArray("items");
    List<JsonObject> list = new ArrayList<>();
    items.forEach(i -> list.add((JsonObject) i));
    return list;
  }

  private JsonObject awaitRun(String runId, String status) {
    assertThat(Await.until(() -> runs().stream().anyMatch(r -> runId.equals(r.getString("id"))
        && status.equals(r.getString("status"))), 10_000)).as("run " + runId + " " + status).isTrue();
    return runs().stream().filter(r -> runId.equals(r.getString("id"))).findFirst().orElseThrow();
  }

  static Map<String, byte[]> attachments(MimeMessage mail) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getFileName() != null) {
        try (InputStream in = part.getInputStream()) {
          files.put(part.getFileName(), in.readAllBytes());
        }
      }
    }
    return files;
  }

  private static void checkXlsx(byte[] xlsx, int[] expected) throws Exception {
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(1).getCellText(0)).isEqualTo("Empresa: acme");
      assertThat(rows.get(2).getCellText(0)).isEqualTo("Período: 10/05/2026 (America/Sao_Paulo)");
      Row total = rows.stream().filter(r -> "Total".equals(r.getCellText(0))).findFirst().orElseThrow();
      assertThat(total.getCellAsNumber(1)).contains(BigDecimal.valueOf(expected[0]));
      assertThat(total.getCellAsNumber(2)).contains(BigDecimal.valueOf(expected[1]));
      assertThat(total.getCellAsNumber(3)).contains(BigDecimal.valueOf(expected[2]));
      assertThat(total.getCellAsNumber(4)).contains(BigDecimal.ONE);
    }
  }

  private static void checkPdf(byte[] pdf, int[] expected) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Empresa: acme", "Período: 10/05/2026 (America/Sao_Paulo)");
      String total = text.lines().filter(l -> l.startsWith("Total")).findFirst().orElseThrow();
      assertThat(total.replaceAll("\\s+", " ")).startsWith("Total " + expected[0] + " " + expected[1] + " "
          + expected[2] + " 1 0 3 ");
    }
  }
}
