package dev.switchboard.engine.ai.intent;

import java.util.ArrayList;
import java.util.List;

/** Tuning aid, training corpus only: cross-validated accuracy for a grid of settings (run by hand, not a test). */
final class CvSweep {
  private CvSweep() {
  }

  public static void main(String[] args) {
    List<LinearIntentModel.Example> all = IntentCorpus.builtIn();
    for (int epochs : new int[] {40}) {
      for (double lr : new double[] {1.0}) {
        for (double l2 : new double[] {1e-5}) {
          var s = new LinearIntentModel.Settings(epochs, lr, l2, 42);
          System.out.printf("epochs=%d lr=%.1f l2=%.0e cv=%.3f%n", epochs, lr, l2, cv(all, s));
        }
      }
    }
  }

  static double cv(List<LinearIntentModel.Example> all, LinearIntentModel.Settings s) {
    int folds = 5;
    int correct = 0;
    for (int fold = 0; fold < folds; fold++) {
      List<LinearIntentModel.Example> train = new ArrayList<>();
      List<LinearIntentModel.Example> test = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        (i % folds == fold ? test : train).add(all.get(i));
      }
      IntentClassifier c = IntentClassifier.train(train, s);
      for (var e : test) {
        String got = c.classify(e.text()).intent();
        if (got.equals(e.intent())) {
          correct++;
        } else if (Boolean.getBoolean("print")) {
          System.out.println(e.intent() + " -> " + got + ": " + e.text());
        }
      }
    }
    return (double) correct / all.size();
  }
}
