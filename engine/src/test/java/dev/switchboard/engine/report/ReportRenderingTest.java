package dev.switchboard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.schedule.ReportPeriod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The three renderings read back with the libraries that wrote them: same numbers in each. */
class ReportRenderingTest {
  private static final LocalDate D1 = LocalDate.of(2026, 5, 9);
  private static final LocalDate D2 = LocalDate.of(2026, 5, 10);

  private static ReportTable report() {
    var days = List.of(
        new MetricsDay("acme", D1, "wa", 3, 10, 9, 1, 0, 3, 9_000, 2_000L, 5_000L, 0, 0, 0),
        new MetricsDay("acme", D2, "wa", 2, 4, 4, 0, 1, 1, 3_000, 3_000L, 3_000L, 0, 0, 0),
        new MetricsDay("acme", D2, "tg", 1, 2, 1, 0, 0, 1, 1_000, 1_000L, 1_000L, 0, 0, 0),
        new MetricsDay("acme", D2, "ops-trello", 0, 0, 0, 0, 0, 0, 0, null, null, 4, 1, 0));
    return ReportBuilder.build("Climatec São Paulo", new ReportPeriod.Range(D1, D2), "America/Sao_Paulo", days);
  }

  @Test
  void theTotalsAddUpAcrossDaysAndChannels() {
    var channels = report().sections().get(0).rows();
    assertThat(channels.get(0)).containsExactly("wa", 5L, 14L, 13L, 1L, 1L, 4L, 3.0, 5.0);
    assertThat(channels.get(2)).containsExactly("Total", 6L, 16L, 14L, 1L, 1L, 5L, 2.6, 5.0);
    assertThat(report().sections().get(1).rows()).containsExactly(List.of("ops-trello", 4L, 1L, 0L));
  }

  @Test
  void xlsxKeepsNumbersAsNumbers() throws IOException {
    byte[] xlsx = XlsxReport.render(report());
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("Relatório de atendimento");
      assertThat(rows.get(1).getCellText(0)).isEqualTo("Empresa: Climatec São Paulo");
      assertThat(rows.get(2).getCellText(0)).isEqualTo("Período: 09/05/2026 a 10/05/2026 (America/Sao_Paulo)");
      Row total = rows.stream().filter(r -> "Total".equals(r.getCellText(0))).findFirst().orElseThrow();
      assertThat(total.getCellAsNumber(2)).contains(new BigDecimal("16"));
      assertThat(total.getCellAsNumber(7)).contains(new BigDecimal("2.6"));
    }
  }

  @Test
  void pdfShowsHeaderAndTotals() throws IOException {
    byte[] pdf = PdfReport.render(report());
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Relatório de atendimento", "Empresa: Climatec São Paulo",
          "Período: 09/05/2026 a 10/05/2026", "Transferências");
      assertThat(text.lines().filter(l -> l.startsWith("Total")).findFirst().orElseThrow().replaceAll("\\s+", " "))
          .isEqualTo("Total 6 16 14 1 1 5 2.6 5.0");
    }
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndStartsWithABom() {
    String csv = new String(CsvReport.render(report()), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFRelatório de atendimento\r\n");
    assertThat(csv).contains("\r\nTotal,6,16,14,1,1,5,2.6,5.0\r\n");
    assertThat(csv).contains("Período: 09/05/2026 a 10/05/2026 (America/Sao_Paulo)");
  }
}
