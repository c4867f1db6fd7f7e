package dev.switchboard.bench;

/** {@code --name value} command-line options for the bench tools. */
public final class Args {
  private Args() {
  }

  public static String get(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
