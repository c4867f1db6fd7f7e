package dev.switchboard.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import io.gatling.javaapi.core.CoreDsl;

/**
 * Conversations: -Dcontacts (1,000) customers each send -Dmessages (20) messages, one after the other (the next
 * after the previous got its 200, as a provider delivers), all customers at once. Each message carries its number
 * and send time in X-Correlation-Id, which the engine passes to the provider simulator: the simulator then checks
 * every customer's replies are in order and none is repeated, and measures webhook-to-provider latency.
 * Customers type like people: -Dpause (1,000 ms, ±50% uniformly) between a 200 and their next message, so 1,000
 * contacts offer about 1,000 messages/s; -Dpause=0 turns it into a closed-loop stress test.
 */
public class ConversationsSimulation extends Simulation {
  private static final AtomicInteger CONTACTS = new AtomicInteger();
  private final int contacts = Integer.getInteger("contacts", 1000);
  private final int messages = Integer.getInteger("messages", 20);
  private final int ramp = Integer.getInteger("ramp", 10);
  private final int pause = Integer.getInteger("pause", 1000);
  private final String run = System.getProperty("run", "conv");

  private final HttpProtocolBuilder protocol = http.baseUrl(Webhooks.BASE).contentTypeHeader("application/json")
      .shareConnections();

  private final ScenarioBuilder conversation = scenario("conversation")
      .exec(session -> session.set("contact", String.format("55118%08d", CONTACTS.incrementAndGet())))
      .exec(repeat(messages, "m").on(
          CoreDsl.pause(Duration.ofMillis(pause / 2), Duration.ofMillis(pause * 3L / 2))
          .exec(session -> {
            String contact = session.getString("contact");
            int m = session.getInt("m");
            // -Drun names the run: message ids differ between runs, so a later run is not answered as duplicates.
            String body = Webhooks.body(contact, "wamid." + run + contact + "m" + m, "mensagem " + m);
            String cid = "c" + contact.substring(5) + "-m" + m + "-" + System.currentTimeMillis();
            return session.set("body", body).set("sig", Webhooks.sign(body)).set("cid", cid);
          }).exec(http("message").post(Webhooks.PATH).header("X-Hub-Signature-256", "#{sig}")
              .header("X-Correlation-Id", "#{cid}").body(StringBody("#{body}")).check(status().is(200)))));

  {
    setUp(conversation.injectOpen(rampUsers(contacts).during(Duration.ofSeconds(ramp)))).protocols(protocol);
  }
}
