package dev.switchboard.engine.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The report as an XLSX workbook, written with fastexcel (streams the sheet XML; no Apache POI object model in
 * memory). One sheet: title and period on top, then each section with a bold header; numbers stay numbers.
 */
public final class XlsxReport {
  private XlsxReport() {
  }

  public static byte[] render(ReportTable report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(bytes, "Switchboard", "1.0");
      Worksheet sheet = workbook.newWorksheet("Relatório");
      int r = 0;
      sheet.value(r, 0, report.title());
      sheet.style(r, 0).bold().fontSize(14).set();
      r++;
      for (String line : report.subtitle()) {
        sheet.value(r++, 0, line);
      }
      for (ReportTable.Section section : report.sections()) {
        r++;
        sheet.value(r, 0, section.name());
        sheet.style(r, 0).bold().set();
        r++;
        List<String> header = section.header();
        for (int c = 0; c < header.size(); c++) {
          sheet.value(r, c, header.get(c));
          sheet.style(r, c).bold().fillColor("DDDDDD").wrapText(true).set();
        }
        r++;
        for (int i = 0; i < section.rows().size(); i++) {
          List<Object> row = section.rows().get(i);
          for (int c = 0; c < row.size(); c++) {
            write(sheet, r, c, row.get(c));
            if (section.totalRow() && i == section.rows().size() - 1) {
              sheet.style(r, c).bold().set();
            }
          }
          r++;
        }
      }
      sheet.width(0, 22);
      for (int c = 1; c < 9; c++) {
        sheet.width(c, 16);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(Worksheet sheet, int r, int c, Object value) {
    if (value instanceof Number n) {
      sheet.value(r, c, n);
    } else if (value != null) {
      sheet.value(r, c, value.toString());
    }
  }
}
