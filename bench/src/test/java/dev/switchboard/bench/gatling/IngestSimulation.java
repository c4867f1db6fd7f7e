package dev.switchboard.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest: signed WhatsApp webhooks, 5% of them a repeat of an earlier delivery; every answer must be 200. Open
 * model at -Drate per second, or (-Dusers) that many senders posting back to back: the closed model measures the
 * most the server sustains, which is what the engine/reference ratio compares. Both run for -Dduration seconds.
 */
public class IngestSimulation extends Simulation {
  private static final AtomicLong IDS = new AtomicLong();
  private final int rate = Integer.getInteger("rate", 500);
  private final int duration = Integer.getInteger("duration", 20);
  private final int users = Integer.getInteger("users", 0);

  // -Dbases=url1,url2,...: several engine nodes (cluster), each virtual user posting to the next in turn.
  private final String bases = System.getProperty("bases", "");
  private final HttpProtocolBuilder protocol = (bases.isBlank() ? http.baseUrl(Webhooks.BASE)
      : http.baseUrls(bases.split(","))).contentTypeHeader("application/json").shareConnections();

  private final ScenarioBuilder ingest = scenario("ingest")
      .exec(session -> {
        long id = IDS.incrementAndGet();
        // 5% duplicates: deliver an earlier message id again.
        long used = id > 20 && ThreadLocalRandom.current().nextInt(100) < 5 ? id - 10 : id;
        String body = Webhooks.body(String.format("55119%08d", used % 5000), "wamid.bench" + used, "oi " + used);
        return session.set("body", body).set("sig", Webhooks.sign(body));
      })
      .exec(http("webhook").post(Webhooks.PATH).header("X-Hub-Signature-256", "#{sig}").body(StringBody("#{body}"))
          .check(status().is(200)));

  {
    setUp(users > 0 ? ingest.injectClosed(constantConcurrentUsers(users).during(duration))
        : ingest.injectOpen(constantUsersPerSec(rate).during(duration))).protocols(protocol);
  }
}
