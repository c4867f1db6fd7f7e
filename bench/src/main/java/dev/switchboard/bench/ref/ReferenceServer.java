package dev.switchboard.bench.ref;

import dev.switchboard.bench.Args;
import dev.switchboard.engine.channel.MetaSignature;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The smallest honest webhook receiver, to measure what this JVM on this box can do: verify
 * {@code X-Hub-Signature-256} over the raw bytes, dedupe the message id in memory, answer 200, and post a reply to
 * the provider simulator. The engine's figures are reported as a ratio to this one, measured in the same run: both
 * its acknowledgements per second and its replies per second (what the simulator accepted in the window).
 */
public final class ReferenceServer {
  private ReferenceServer() {
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(Args.get(args, "--port", "8090"));
    String secret = Args.get(args, "--secret", "acc3pt4nce_app_s3cret_pt_br");
    String simulator = Args.get(args, "--simulator", "http://127.0.0.1:9090");
    int instances = Integer.parseInt(Args.get(args, "--instances", "2"));
    Vertx vertx = Vertx.vertx(new VertxOptions());
    Set<String> seen = ConcurrentHashMap.newKeySet();
    // As many connections to the provider as the engine's senders use (HttpCall: 64): with Vert.x's default of 5
    // the forwards queued in memory behind the 200s, and the reference looked faster than any real receiver is.
    WebClient client = WebClient.create(vertx, new WebClientOptions(),
        new PoolOptions().setHttp1MaxSize(64));
    for (int i = 0; i < instances; i++) {
      vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
        byte[] bytes = body.getBytes();
        if (!MetaSignature.verify(secret, bytes, req.getHeader("X-Hub-Signature-256"))) {
          req.response().setStatusCode(401).end();
          return;
        }
        JsonObject message = new JsonObject(body).getJsonArray("entry").getJsonObject(0).getJsonArray("changes")
            .getJsonObject(0).getJsonObject("value").getJsonArray("messages").getJsonObject(0);
        boolean fresh = seen.add(message.getString("id"));
        req.response().end("{\"ok\":true}");
        if (fresh) {
          client.postAbs(simulator + "/v21.0/1/messages").sendBuffer(Buffer.buffer(new JsonObject()
              .put("messaging_product", "whatsapp").put("to", message.getString("from")).put("type", "text")
              .put("text", new JsonObject().put("body", "ok")).encode().getBytes(StandardCharsets.UTF_8)));
        }
      })).listen(port, "127.0.0.1");
    }
    System.out.println("reference server on http://127.0.0.1:" + port);
  }

}
