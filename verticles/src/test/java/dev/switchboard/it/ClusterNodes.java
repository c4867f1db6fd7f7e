package dev.switchboard.it;

import dev.switchboard.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

/**
 * N engine processes clustered on loopback (Hazelcast members, one Kafka topic and group per test run, one
 * PostgreSQL schema), each from its own configuration file so a test can edit it.
 */
final class ClusterNodes implements AutoCloseable {
  static final String BOOTSTRAP = System.getenv().getOrDefault("SB_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
  private final List<EngineProcess> nodes = new ArrayList<>();
  private final List<Integer> httpPorts = new ArrayList<>();
  private final List<Path> configs = new ArrayList<>();
  private final WebClient client;

  /** {@code placeholders}: the test configuration's values shared by every node (storage, provider, …). */
  ClusterNodes(int count, String run, Map<String, String> placeholders, WebClient client) throws IOException {
    this.client = client;
    String[] hostPort = BOOTSTRAP.split(":");
    try (Socket probe = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      probe.getOutputStream();
    } catch (IOException e) {
      throw new IllegalStateException("no Kafka broker at " + BOOTSTRAP + ": run `bash scripts/kafka/kafka.sh start`", e);
    }
    List<Integer> hzPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      httpPorts.add(TestEngine.freePort());
      hzPorts.add(TestEngine.freePort());
    }
    String members = hzPorts.stream().map(p -> "\"127.0.0.1:" + p + "\"").collect(Collectors.joining(", ", "[", "]"));
    Path dir = Files.createDirectories(Path.of("target/cluster-test"));
    String template = Files.readString(Path.of("src/test/resources/switchboard-test.yaml"));
    for (int i = 0; i < count; i++) {
      Map<String, String> env = new HashMap<>(placeholders);
      env.putAll(Map.of("PORT", String.valueOf(httpPorts.get(i)), "CLUSTER", "true", "NODE_ID", "node-" + (i + 1),
          "HZ_PORT", String.valueOf(hzPorts.get(i)), "HZ_MEMBERS", members, "KAFKA_BOOTSTRAP", BOOTSTRAP,
          "KAFKA_TOPIC", "sb-it-" + run, "KAFKA_GROUP", "sb-it-" + run));
      Path config = dir.resolve("node-" + (i + 1) + ".yaml");
      Files.writeString(config, ConfigLoader.substitute(template, env::get));
      configs.add(config);
      nodes.add(new EngineProcess(config, dir.resolve("node-" + (i + 1) + "-" + run + ".log")));
    }
  }

  ClusterNodes start() {
    nodes.forEach(EngineProcess::start);
    return this;
  }

  int size() {
    return nodes.size();
  }

  EngineProcess node(int i) {
    return nodes.get(i);
  }

  int port(int i) {
    return httpPorts.get(i);
  }

  /** Rewrites every node's configuration file (what a reload reads). */
  void editConfigs(UnaryOperator<String> edit) {
    try {
      for (Path config : configs) {
        Files.writeString(config, edit.apply(Files.readString(config)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node's {@code /ready} body, or null while it does not answer (starting, or killed). */
  JsonObject ready(int i) {
    try {
      return Await.of(client.get(port(i), "127.0.0.1", "/ready").timeout(3000).send()).bodyAsJsonObject();
    } catch (RuntimeException | AssertionError e) {
      return null;
    }
  }

  boolean all(IntPredicate condition) {
    for (int i = 0; i < nodes.size(); i++) {
      if (!condition.test(i)) {
        return false;
      }
    }
    return true;
  }

  /** Everything every node logged, over all its starts. */
  String logs() {
    return nodes.stream().map(EngineProcess::log).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() throws InterruptedException {
    for (EngineProcess node : nodes) {
      node.close();
    }
  }
}
