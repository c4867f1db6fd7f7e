package dev.switchboard.engine.ai.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The held-out extraction set, scored as a whole (its misses are not printed: they must not steer tuning). */
class ExtractionHeldOutTest {

  @Test
  void microF1OnTheHeldOutSet() throws IOException {
    ExtractionScore score = ExtractionScore.of(Path.of("src/test/resources/ai/heldout/extraction.tsv"),
        LocalDate.of(2026, 11, 20));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/extraction-heldout.txt"), score.report());
    assertThat(score.rows).isEqualTo(42);
    assertThat(score.f1()).as(score.report()).isGreaterThanOrEqualTo(0.90);
  }
}
