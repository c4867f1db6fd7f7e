package dev.switchboard.engine.report;

import java.util.List;

/**
 * A report as the renderers see it: a title, lines under it (tenant, period, zone), and sections, each a table
 * whose cells are text or numbers. CSV, XLSX and PDF are three renderings of the same value.
 */
public record ReportTable(String title, List<String> subtitle, List<Section> sections) {
  public ReportTable {
    subtitle = List.copyOf(subtitle);
    sections = List.copyOf(sections);
  }

  /** One table; a null cell is empty. The last row is the total when {@code totalRow}. */
  public record Section(String name, List<String> header, List<List<Object>> rows, boolean totalRow) {
    public Section {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
    }
  }
}
