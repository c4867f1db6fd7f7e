package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;

/**
 * The engine as a separate JVM (same classpath as the tests), so a test can kill it with SIGKILL mid-load and
 * start it again on the same database. Its output goes to a log file the test can read.
 */
final class EngineProcess implements AutoCloseable {
  private final Path config;
  private final Path log;
  private Process process;
  private final List<Path> logs = new ArrayList<>();

  EngineProcess(Path config, Path log) {
    this.config = config;
    this.log = log;
  }

  EngineProcess start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The engine logs (INFO and up) to a file of its own per start; stdout keeps only warnings.
    Path engineLog = Path.of("target/test-logs/engine-" + System.nanoTime() + ".log");
    logs.add(engineLog);
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Dsb.test.log=" + engineLog,
        // What the shaded jar's manifest grants Hazelcast in cluster mode.
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.management/sun.management=ALL-UNNAMED",
        "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), "dev.switchboard.app.Main", "--config", config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush, exactly like a crashed host. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Everything the engine logged, over all its starts. */
  String log() {
    StringBuilder all = new StringBuilder();
    try {
      for (Path p : logs) {
        if (Files.exists(p)) {
          all.append(Files.readString(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
