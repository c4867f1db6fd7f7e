package dev.switchboard.engine.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as CSV (RFC 4180: comma-separated, CRLF, fields quoted when they hold a comma, quote or line break),
 * UTF-8 with a byte-order mark so spreadsheet programs read the accents right. Sections follow each other, each
 * after a line with its name and a blank line between.
 */
public final class CsvReport {
  private CsvReport() {
  }

  public static byte[] render(ReportTable report) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, List.of(report.title()));
    report.subtitle().forEach(s -> line(out, List.of(s)));
    for (ReportTable.Section section : report.sections()) {
      out.append("\r\n");
      line(out, List.of(section.name()));
      line(out, section.header());
      section.rows().forEach(row -> line(out, row));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object cell = cells.get(i);
      String text = cell == null ? "" : cell.toString();
      if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        text = '"' + text.replace("\"", "\"\"") + '"';
      }
      out.append(text);
    }
    out.append("\r\n");
  }
}
