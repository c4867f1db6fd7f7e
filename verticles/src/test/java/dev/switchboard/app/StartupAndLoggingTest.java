package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** How the shipped jar starts and logs: a clear refusal for a bad configuration, and no console write on event loops. */
class StartupAndLoggingTest {

  @Test
  void aBadConfigurationIsOneClearLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "adminToken: t\nhttp: {port: notanumber}\n");
    String out = runMain(dir, "--config", bad.toString());
    assertThat(out).contains("Switchboard cannot start: invalid configuration").contains("notanumber")
        .doesNotContain("\tat ");

    String missing = runMain(dir, "--config", dir.resolve("nowhere.yaml").toString());
    assertThat(missing).contains("Switchboard cannot start: cannot read config").doesNotContain("\tat ");
  }

  @Test
  void theShippedLoggingConfigWritesFromItsOwnThreadInBothFormats() throws Exception {
    for (String format : List.of("TEXT", "JSON")) {
      LoggerContext context = new LoggerContext();
      context.putProperty("SB_LOG_FORMAT", format);
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(StartupAndLoggingTest.class.getResource("/logback.xml"));
      try {
        List<Appender<ILoggingEvent>> root = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(root::add);
        assertThat(root).as(format).hasSize(1).first().isInstanceOf(AsyncAppender.class);
        AsyncAppender async = (AsyncAppender) root.get(0);
        assertThat(async.getQueueSize()).isEqualTo(8192);
        Appender<ILoggingEvent> out = async.getAppender(format + "_OUT");
        assertThat(out).as(format).isInstanceOf(ConsoleAppender.class);
        if ("JSON".equals(format)) {
          assertThat(((ConsoleAppender<ILoggingEvent>) out).getEncoder()).isInstanceOf(LogstashEncoder.class);
        }
      } finally {
        context.stop();
      }
    }
  }

  /** Runs Main in a JVM of its own and returns what it printed once it exited (within 60 s, else fails). */
  private static String runMain(Path dir, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path output = Files.createTempFile(dir, "main", ".out");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-Dsb.test.log=target/test-logs/startup-" + System.nanoTime() + ".log",
        "-cp", System.getProperty("java.class.path"), "dev.switchboard.app.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("Main exits on a bad configuration").isTrue();
      assertThat(process.exitValue()).isEqualTo(2);
      return Files.readString(output, StandardCharsets.UTF_8);
    } finally {
      process.destroyForcibly();
    }
  }
}
