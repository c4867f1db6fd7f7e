package dev.switchboard.engine.report;

import dev.switchboard.engine.schedule.ReportPeriod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the tenant report from {@code metrics_daily} rows: per channel over the period, then a total, then the
 * integrations' actions. Conversations count conversation-days (a conversation active on three days counts three);
 * the first-response mean is exact over the period, p90 is the worst day's.
 */
public final class ReportBuilder {
  static final List<String> CHANNEL_HEADER = List.of("Canal", "Conversas", "Mensagens recebidas",
      "Mensagens enviadas", "Transferências para atendente", "Falhas da IA", "Primeiras respostas",
      "Primeira resposta média (s)", "Primeira resposta p90, pior dia (s)");
  static final List<String> ACTION_HEADER = List.of("Integração", "Enviadas", "Falhas", "Pendentes");

  private ReportBuilder() {
  }

  public static ReportTable build(String tenantId, ReportPeriod.Range range, String zone, List<MetricsDay> days) {
    Map<String, long[]> channels = new LinkedHashMap<>();
    Map<String, Long> worstP90 = new LinkedHashMap<>();
    Map<String, long[]> actions = new LinkedHashMap<>();
    for (MetricsDay d : days) {
      boolean conversational = d.conversations() + d.messagesIn() + d.messagesOut() + d.handoffs()
          + d.aiFallbacks() > 0;
      if (conversational) {
        long[] c = channels.computeIfAbsent(d.channelId(), k -> new long[7]);
        c[0] += d.conversations();
        c[1] += d.messagesIn();
        c[2] += d.messagesOut();
        c[3] += d.handoffs();
        c[4] += d.aiFallbacks();
        c[5] += d.firstResponses();
        c[6] += d.firstResponseSumMs();
        if (d.firstResponseP90Ms() != null) {
          worstP90.merge(d.channelId(), d.firstResponseP90Ms(), Math::max);
        }
      }
      if (d.actionsSent() + d.actionsFailed() + d.actionsPending() > 0) {
        long[] a = actions.computeIfAbsent(d.channelId(), k -> new long[3]);
        a[0] += d.actionsSent();
        a[1] += d.actionsFailed();
        a[2] += d.actionsPending();
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    long[] total = new long[7];
    Long totalP90 = null;
    for (var e : channels.entrySet()) {
      long[] c = e.getValue();
      Long p90 = worstP90.get(e.getKey());
      rows.add(channelRow(e.getKey(), c, p90));
      for (int i = 0; i < total.length; i++) {
        total[i] += c[i];
      }
      if (p90 != null) {
        totalP90 = totalP90 == null ? p90 : Long.valueOf(Math.max(totalP90, p90));
      }
    }
    rows.add(channelRow("Total", total, totalP90));
    List<ReportTable.Section> sections = new ArrayList<>();
    sections.add(new ReportTable.Section("Conversas por canal", CHANNEL_HEADER, rows, true));
    List<List<Object>> actionRows = new ArrayList<>();
    actions.forEach((target, a) -> actionRows.add(Arrays.asList(target, a[0], a[1], a[2])));
    sections.add(new ReportTable.Section("Ações de integração", ACTION_HEADER, actionRows, false));
    return new ReportTable("Relatório de atendimento", List.of("Empresa: " + tenantId,
        "Período: " + range.label() + " (" + zone + ")"), sections);
  }

  private static List<Object> channelRow(String name, long[] c, Long p90Ms) {
    Double mean = c[5] == 0 ? null : Math.round(c[6] / (double) c[5] / 100.0) / 10.0;
    Double p90 = p90Ms == null ? null : Math.round(p90Ms / 100.0) / 10.0;
    return Arrays.asList(name, c[0], c[1], c[2], c[3], c[4], c[5], mean, p90);
  }
}
