package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.BusSetup;
import dev.switchboard.edge.auth.AdminAuth;
import dev.switchboard.edge.auth.OperatorSessions;
import dev.switchboard.edge.auth.Operators;
import dev.switchboard.edge.auth.PasswordHash;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.ConversationActivity;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.Operator;
import dev.switchboard.engine.store.memory.MemoryOperatorStore;
import dev.switchboard.engine.store.memory.MemoryRateLimiter;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live feed forwards its tenant's activity and closes a stream once its console session has ended. */
@ExtendWith(VertxExtension.class)
class ConsoleEventsTest {

  @Test
  void aStreamCarriesItsTenantsActivityAndEndsWithItsSession(Vertx vertx) throws Exception {
    BusSetup.register(vertx);
    Operators operators = new Operators(vertx, new MemoryOperatorStore(), new MemoryRateLimiter(), Clock.systemUTC());
    operators.store().put(new Operator("ana", PasswordHash.hash("ana-senha-123".toCharArray()), Operator.Role.AGENT,
        Set.of("acme"), "api", Instant.now())).await();
    String token = operators.login("ana", "ana-senha-123".toCharArray(), "127.0.0.1").await().token();

    Router router = Router.router(vertx);
    router.route("/admin/v1/*").handler(new AdminAuth(List.of(new OperatorSessions(operators))));
    ConsoleEvents events = new ConsoleEvents(vertx, operators, 100);
    events.mount(router);
    events.listen().await();
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();

    HttpClient client = vertx.createHttpClient();
    StringBuffer feed = new StringBuffer();
    Promise<Void> ended = Promise.promise();
    var response = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(server.actualPort()).setURI("/admin/v1/events").putHeader("Authorization", "Bearer " + token))
        .compose(r -> r.send()).await();
    assertThat(response.statusCode()).isEqualTo(200);
    response.handler(b -> feed.append(b.toString())).endHandler(v -> ended.tryComplete());

    vertx.eventBus().publish(Addresses.CONVERSATION_ACTIVITY, new ConversationActivity(
        new ConversationKey("clinic", "wa-clinic", "+5511900000001"), "BOT", null, Instant.now()));
    vertx.eventBus().publish(Addresses.CONVERSATION_ACTIVITY, new ConversationActivity(
        new ConversationKey("acme", "wa", "+5511900000002"), "HUMAN", null, Instant.now()));
    long deadline = System.currentTimeMillis() + 5_000;
    while (!feed.toString().contains("acme:wa:+5511900000002") && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(feed.toString()).contains("event: conversation").contains("\"state\":\"HUMAN\"")
        .doesNotContain("clinic");
    assertThat(ended.future().isComplete()).isFalse();

    operators.logout(token).await();
    ended.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    client.close().await();
    server.close().await();
  }
}
