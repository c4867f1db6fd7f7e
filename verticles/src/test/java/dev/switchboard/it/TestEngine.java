package dev.switchboard.it;

import dev.switchboard.app.VertxFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.switchboard.app.Engine;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.engine.channel.MetaSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The whole engine on a free loopback port, from {@code switchboard-test.yaml} with the given placeholders, plus a
 * separate Vert.x instance acting as the outside world (providers' webhooks, admin calls, fake provider APIs).
 */
final class TestEngine implements AutoCloseable {
  static final String APP_SECRET = "acc3pt4nce_app_s3cret_pt_br";
  static final String ADMIN = "Bearer test-admin-token";
  static final Path FIXTURES = Path.of("../engine/src/test/resources/fixtures");

  final PrometheusMeterRegistry registry = VertxFactory.registry();
  final Vertx engineVertx = VertxFactory.create(registry);
  final Vertx outside = Vertx.vertx();
  final WebClient client;
  final Engine engine;
  final int port;

  TestEngine(Map<String, String> placeholders) {
    this(placeholders, Clock.systemUTC());
  }

  TestEngine(Map<String, String> placeholders, Clock clock) {
    this(placeholders, clock, Path.of("src/test/resources/switchboard-test.yaml"));
  }

  /**
   * The engine as shipped (config/switchboard.yaml, embedded defaults: memory storage, the demo tenant), on a free
   * port and with the admin token the tests use.
   */
  static TestEngine shipped() {
    return new TestEngine(Map.of("SB_ADMIN_TOKEN", "test-admin-token"), Clock.systemUTC(),
        Path.of("../config/switchboard.yaml"));
  }

  /** The engine from another test configuration file, with the same placeholders and port handling. */
  static TestEngine withConfig(Path configFile, Map<String, String> placeholders) {
    return new TestEngine(placeholders, Clock.systemUTC(), configFile);
  }

  private final Path configFile;

  private TestEngine(Map<String, String> placeholders, Clock clock, Path configFile) {
    this.configFile = configFile;
    port = freePort();
    Map<String, String> env = new HashMap<>(placeholders);
    env.put("PORT", String.valueOf(port));
    env.put("SB_HTTP_PORT", String.valueOf(port));
    SwitchboardConfig config = load(env);
    engine = Await.of(Engine.start(engineVertx, config, clock, registry, null, () -> load(env)));
    client = WebClient.create(outside, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
        new PoolOptions().setHttp1MaxSize(64));
  }

  /** What a configuration reload reads: the test file with the current edit applied. */
  final AtomicReference<UnaryOperator<String>> configEdit =
      new AtomicReference<>(UnaryOperator.identity());

  private SwitchboardConfig load(Map<String, String> env) {
    try {
      return ConfigLoader.parse(configEdit.get().apply(
          Files.readString(configFile)), env::get);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] fixture(String name) {
    try {
      return Files.readAllBytes(FIXTURES.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Future<HttpResponse<Buffer>> postMeta(String channel, byte[] body) {
    return client.post("/webhooks/" + channel)
        .putHeader("Content-Type", "application/json")
        .putHeader("X-Hub-Signature-256", MetaSignature.sign(APP_SECRET, body))
        .sendBuffer(Buffer.buffer(body));
  }

  /** A signed WhatsApp text webhook from {@code from}, as Meta would send it. */
  Future<HttpResponse<Buffer>> whatsappText(String from, String messageId, String text) {
    return postMeta("wa", WhatsAppPayloads.text(from, messageId, text));
  }

  Future<HttpResponse<Buffer>> adminGet(String path) {
    return client.get(path).putHeader("Authorization", ADMIN).send();
  }

  Future<HttpResponse<Buffer>> adminPost(String path, JsonObject body) {
    return client.post(path).putHeader("Authorization", ADMIN).sendJsonObject(body);
  }

  static String key(String tenant, String channel, String contact) {
    return URLEncoder.encode(tenant + ":" + channel + ":" + contact, StandardCharsets.UTF_8);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    Await.of(outside.close());
    Await.of(engineVertx.close());
  }
}
