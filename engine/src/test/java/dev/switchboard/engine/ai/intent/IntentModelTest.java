package dev.switchboard.engine.ai.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How well the offline classifier generalises. Tuning looks only at cross-validation on the training corpus; the
 * held-out set (src/test/resources/ai/heldout, written before the model) is scored as a whole, and its report is
 * written to target/ai-heldout.md for docs/ai.md.
 */
class IntentModelTest {
  private static final int FOLDS = 5;

  @Test
  void crossValidationOnTheTrainingCorpus() throws IOException {
    List<LinearIntentModel.Example> all = IntentCorpus.builtIn();
    IntentEvaluation cv = new IntentEvaluation();
    for (int fold = 0; fold < FOLDS; fold++) {
      List<LinearIntentModel.Example> train = new ArrayList<>();
      List<LinearIntentModel.Example> test = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        (i % FOLDS == fold ? test : train).add(all.get(i));
      }
      IntentClassifier classifier = IntentClassifier.train(train, LinearIntentModel.Settings.DEFAULT);
      test.forEach(e -> cv.add(e.intent(), classifier.classify(e.text()).intent(), e.text()));
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/ai-cv.md"), cv.markdown() + "\n" + String.join("\n", cv.errors) + "\n");
    assertTrue(cv.accuracy() >= 0.80, "cross-validated accuracy " + cv.accuracy());
  }

  @Test
  void heldOutAccuracy() throws IOException {
    IntentClassifier classifier = IntentClassifier.builtIn();
    IntentEvaluation heldOut = new IntentEvaluation();
    for (String line : Files.readAllLines(Path.of("src/test/resources/ai/heldout/intents.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      heldOut.add(cols[0], classifier.classify(cols[2]).intent(), cols[2]);
    }
    Files.createDirectories(Path.of("target"));
    // Only the aggregate report: the failures themselves are not printed, so they cannot steer tuning.
    Files.writeString(Path.of("target/ai-heldout.md"), heldOut.markdown());
    assertEquals(174, heldOut.total);
    assertTrue(heldOut.accuracy() >= 0.90, "held-out accuracy " + heldOut.accuracy());
  }
}
