package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The log file in-process engines write to (logback-test.xml), read from a mark: other test classes of the same JVM
 * write to it too. Logging is set up before the mark is taken, since setting it up empties the file.
 */
final class TestLog {
  private static final Path FILE = Path.of("target/test-logs/switchboard.log");
  private final int start;

  private TestLog(int start) {
    this.start = start;
  }

  static TestLog mark() {
    LoggerFactory.getLogger(TestLog.class).info("test log mark");
    return new TestLog(read().length());
  }

  /** What was logged since the mark. */
  String since() {
    String all = read();
    return all.length() >= start ? all.substring(start) : all;
  }

  private static String read() {
    try {
      return Files.exists(FILE) ? Files.readString(FILE) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
