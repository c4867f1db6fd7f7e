package dev.switchboard.scheduler;

import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.report.CsvReport;
import dev.switchboard.engine.report.PdfReport;
import dev.switchboard.engine.report.ReportBuilder;
import dev.switchboard.engine.report.ReportTable;
import dev.switchboard.engine.report.XlsxReport;
import dev.switchboard.engine.schedule.ReportPeriod;
import dev.switchboard.engine.schedule.TenantSchedule;
import dev.switchboard.engine.store.ReportStore;
import dev.switchboard.outbound.Outbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a tenant's report for the schedule's period and e-mails it, one outbox command per recipient through the
 * tenant's own SMTP integration. The period's days are rolled up first (idempotent), so the report is right even
 * when the roll-up schedule has not run yet. Files are rendered on a worker thread. Command ids derive from the
 * execution id and the recipient's position, so a retry of the send never makes a second e-mail; a failed send
 * is retried by the outbox like any action and ends in the dead letters if it never goes.
 */
final class ReportJob implements TenantJob {
  private final Vertx vertx;
  private final TenantDirectory directory;
  private final ReportStore reports;
  private final RollupJob rollup;
  private final Outbox outbox;
  private final Clock clock;

  ReportJob(Vertx vertx, TenantDirectory directory, ReportStore reports, RollupJob rollup, Outbox outbox,
            Clock clock) {
    this.vertx = vertx;
    this.directory = directory;
    this.reports = reports;
    this.rollup = rollup;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Future<Map<String, Object>> run(TenantSchedule schedule, Instant occurrence, String runId) {
    Map<String, Object> p = schedule.params();
    String tenantId = schedule.tenantId();
    LocalDate runDay = occurrence.atZone(schedule.schedule().zone()).toLocalDate();
    ReportPeriod.Range range = ReportPeriod.fromWire((String) p.get("period")).orElseThrow().range(runDay);
    List<String> formats = (List<String>) p.get("formats");
    List<String> recipients = (List<String>) p.get("recipients");
    String smtp = (String) p.get("smtp");
    var integration = directory.integration(smtp).filter(b -> b.tenant().id().equals(tenantId)).orElse(null);
    if (integration == null) {
      return Future.failedFuture(new IllegalStateException("smtp integration " + smtp + " is gone from the tenant"));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("period", range.from() + "/" + range.to());
    return rollup.roll(tenantId, range.from(), range.to())
        .compose(rolled -> reports.daily(tenantId, range.from(), range.to()))
        .compose(days -> {
          summary.put("rows", days.size());
          ReportTable table = ReportBuilder.build(tenantId, range, schedule.schedule().zone().getId(), days);
          return vertx.executeBlocking(() -> render(table, formats, fileStem(tenantId, range)), false);
        })
        .compose(files -> {
          summary.put("files", files.stream().map(OutboundPayload.Attachment::name).toList());
          String subject = p.get("subject") instanceof String s ? s
              : "Relatório " + tenantId + " — " + range.label();
          String body = "Segue o relatório de atendimento de " + tenantId + " para o período " + range.label()
              + " (" + schedule.schedule().zone().getId() + ").\n\nEnviado automaticamente pelo Switchboard, agenda "
              + schedule.name() + ".";
          List<Future<Outbox.Enqueued>> sends = new ArrayList<>();
          for (int i = 0; i < recipients.size(); i++) {
            String to = recipients.get(i);
            String id = OutboundCommand.idFor(tenantId, smtp + "/schedule/" + schedule.id() + "/" + runId, i);
            OutboundCommand command = OutboundCommand.pending(id, new ConversationKey(tenantId, smtp, to), null,
                integration.integration().type().wire(), to, new OutboundPayload.Email(subject, body, files),
                clock.instant(), runId);
            sends.add(outbox.enqueue(command, "schedule:" + schedule.id()));
          }
          return Future.all(sends).map(all -> {
            summary.put("recipients", recipients.size());
            summary.put("commands", sends.stream().map(f -> f.result().command().id()).toList());
            return summary;
          });
        });
  }

  private static String fileStem(String tenantId, ReportPeriod.Range range) {
    return "relatorio-" + tenantId.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + range.from()
        + (range.from().equals(range.to()) ? "" : "_" + range.to());
  }

  private static List<OutboundPayload.Attachment> render(ReportTable table, List<String> formats, String stem) {
    List<OutboundPayload.Attachment> files = new ArrayList<>();
    Base64.Encoder b64 = Base64.getEncoder();
    for (String format : formats) {
      switch (format) {
        case "csv" -> files.add(new OutboundPayload.Attachment(stem + ".csv", "text/csv; charset=UTF-8",
            b64.encodeToString(CsvReport.render(table))));
        case "xlsx" -> files.add(new OutboundPayload.Attachment(stem + ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            b64.encodeToString(XlsxReport.render(table))));
        case "pdf" -> files.add(new OutboundPayload.Attachment(stem + ".pdf", "application/pdf",
            b64.encodeToString(PdfReport.render(table))));
        default -> throw new IllegalArgumentException("unknown format " + format);
      }
    }
    return files;
  }
}
