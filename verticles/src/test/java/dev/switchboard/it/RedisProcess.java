package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A private redis-server on a free loopback port, owned by one test, so it can be killed without harming others. */
final class RedisProcess implements AutoCloseable {
  private final int port;
  private Process process;

  RedisProcess() {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RedisProcess start() {
    try {
      process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no")).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server must be installed (scripts/services/redis.sh installs it)", e);
    }
    if (!Await.until(this::answers, 10_000)) {
      throw new IllegalStateException("redis-server did not start on port " + port);
    }
    return this;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** SIGKILL, as when the Redis host dies. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private boolean answers() {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
