package dev.switchboard.engine.ai.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over {@link TextFeatures}, trained by stochastic gradient descent with L2
 * regularisation. Written here rather than taken from a library: the model is forty lines, and what Maven Central
 * offers (Smile: GPL-3.0; Tribuo, Weka, DL4J: tens of megabytes with native or GPL parts) would weigh more than the
 * engine for a classifier of a thousand examples. Training is deterministic (seeded shuffle) and takes well under
 * a second, so it runs at start-up and again when a tenant adds intents with example phrases.
 */
public final class LinearIntentModel {
  /** Training settings: passes over the data, initial step, L2 strength, shuffle seed. */
  public record Settings(int epochs, double learningRate, double l2, long seed) {
    public static final Settings DEFAULT = new Settings(40, 1.0, 1e-5, 42);
  }

  /** A labelled message. */
  public record Example(String intent, String text) {
  }

  private final List<String> labels;
  private final float[] weights;

  private LinearIntentModel(List<String> labels, float[] weights) {
    this.labels = List.copyOf(labels);
    this.weights = weights;
  }

  public List<String> labels() {
    return labels;
  }

  public static LinearIntentModel train(List<Example> examples, Settings settings) {
    List<String> labels = examples.stream().map(Example::intent).distinct().sorted().toList();
    int k = labels.size();
    float[] w = new float[TextFeatures.DIMENSION * k];
    List<TextFeatures.Vector> vectors = new ArrayList<>(examples.size());
    int[] targets = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      vectors.add(TextFeatures.of(examples.get(i).text()));
      targets[i] = labels.indexOf(examples.get(i).intent());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Random random = new Random(settings.seed());
    double[] p = new double[k];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      Collections.shuffle(order, random);
      double lr = settings.learningRate() / (1 + 0.1 * epoch);
      for (int i : order) {
        TextFeatures.Vector x = vectors.get(i);
        probabilities(w, k, x, p);
        for (int f = 0; f < x.index().length; f++) {
          int base = x.index()[f] * k;
          float v = x.value()[f];
          for (int c = 0; c < k; c++) {
            double gradient = (p[c] - (c == targets[i] ? 1 : 0)) * v + settings.l2() * w[base + c];
            w[base + c] -= (float) (lr * gradient);
          }
        }
      }
    }
    return new LinearIntentModel(labels, w);
  }

  /** Probability of each label, in the order of {@link #labels()}. */
  public double[] predict(String text) {
    double[] p = new double[labels.size()];
    probabilities(weights, labels.size(), TextFeatures.of(text), p);
    return p;
  }

  private static void probabilities(float[] w, int k, TextFeatures.Vector x, double[] out) {
    Arrays.fill(out, 0);
    for (int f = 0; f < x.index().length; f++) {
      int base = x.index()[f] * k;
      float v = x.value()[f];
      for (int c = 0; c < k; c++) {
        out[c] += w[base + c] * v;
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double s : out) {
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      out[c] = Math.exp(out[c] - max);
      sum += out[c];
    }
    for (int c = 0; c < k; c++) {
      out[c] /= sum;
    }
  }
}
