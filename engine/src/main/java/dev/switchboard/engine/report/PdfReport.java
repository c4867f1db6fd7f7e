package dev.switchboard.engine.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report as a PDF (Apache PDFBox), landscape A4, Helvetica. Header cells wrap to the column width; a table too
 * long for the page continues on the next. The standard fonts cover Latin-1 (Portuguese included): any other
 * character prints as '?'.
 */
public final class PdfReport {
  private static final float MARGIN = 36;
  private static final float LINE = 13;
  private static final float FONT_SIZE = 9;
  private final PDDocument document = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  private PDPageContentStream page;
  private float y;

  private PdfReport() {
  }

  public static byte[] render(ReportTable report) {
    PdfReport pdf = new PdfReport();
    try (PDDocument doc = pdf.document) {
      pdf.write(report);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(ReportTable report) throws IOException {
    newPage();
    text(bold, 16, MARGIN, report.title());
    y -= LINE * 1.6f;
    for (String line : report.subtitle()) {
      text(regular, 11, MARGIN, line);
      y -= LINE * 1.2f;
    }
    for (ReportTable.Section section : report.sections()) {
      y -= LINE;
      room(LINE * 5);
      text(bold, 12, MARGIN, section.name());
      y -= LINE * 1.4f;
      float width = (size.getWidth() - 2 * MARGIN) / section.header().size();
      List<List<String>> headerLines = new ArrayList<>();
      int tallest = 1;
      for (String h : section.header()) {
        List<String> wrapped = wrap(h, width - 4);
        headerLines.add(wrapped);
        tallest = Math.max(tallest, wrapped.size());
      }
      for (int l = 0; l < tallest; l++) {
        for (int c = 0; c < headerLines.size(); c++) {
          if (l < headerLines.get(c).size()) {
            text(bold, FONT_SIZE, MARGIN + c * width, headerLines.get(c).get(l));
          }
        }
        y -= LINE;
      }
      if (section.rows().isEmpty()) {
        text(regular, FONT_SIZE, MARGIN, "(nenhum registro no período)");
        y -= LINE;
      }
      for (int i = 0; i < section.rows().size(); i++) {
        room(LINE * 2);
        List<Object> row = section.rows().get(i);
        PDType1Font font = section.totalRow() && i == section.rows().size() - 1 ? bold : regular;
        for (int c = 0; c < row.size(); c++) {
          Object cell = row.get(c);
          text(font, FONT_SIZE, MARGIN + c * width, cell == null ? "-" : fit(cell.toString(), width - 4));
        }
        y -= LINE;
      }
    }
    page.close();
  }

  private void newPage() throws IOException {
    if (page != null) {
      page.close();
    }
    PDPage p = new PDPage(size);
    document.addPage(p);
    page = new PDPageContentStream(document, p);
    y = size.getHeight() - MARGIN - 10;
  }

  private void room(float needed) throws IOException {
    if (y - needed < MARGIN) {
      newPage();
    }
  }

  private void text(PDType1Font font, float fontSize, float x, String value) throws IOException {
    page.beginText();
    page.setFont(font, fontSize);
    page.newLineAtOffset(x, y);
    page.showText(printable(font, value));
    page.endText();
  }

  private static String printable(PDType1Font font, String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      out.append(encodable(font, ch) ? ch : "?");
    });
    return out.toString();
  }

  private static boolean encodable(PDType1Font font, String ch) {
    try {
      font.encode(ch);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private List<String> wrap(String value, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : value.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && widthOf(bold, candidate) > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private String fit(String value, float width) throws IOException {
    String v = printable(regular, value);
    while (v.length() > 1 && widthOf(regular, v) > width) {
      v = v.substring(0, v.length() - 1);
    }
    return v;
  }

  private static float widthOf(PDType1Font font, String s) throws IOException {
    return font.getStringWidth(printable(font, s)) / 1000 * FONT_SIZE;
  }
}
