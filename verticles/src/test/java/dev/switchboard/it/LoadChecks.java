package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.channel.MetaSignature;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import dev.switchboard.outbound.SandboxLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/** What the crash and node-loss tests share: a provider that retries until a 200, and the exactly-once checks. */
final class LoadChecks {
  private LoadChecks() {
  }

  /**
   * Sends a signed WhatsApp webhook until the engine answers 200, as Meta does: connection errors, hung requests
   * (5 s) and 503 are retried every 100 ms, try {@code n} going to port {@code portForTry(n)}.
   */
  static Future<Void> deliver(Vertx vertx, WebClient client, byte[] body, IntUnaryOperator portForTry,
                              AtomicInteger acked) {
    return deliver(vertx, client, "wa", body, portForTry, acked);
  }

  static Future<Void> deliver(Vertx vertx, WebClient client, String channel, byte[] body, IntUnaryOperator portForTry,
                              AtomicInteger acked) {
    Promise<Void> done = Promise.promise();
    attempt(vertx, client, "/webhooks/" + channel, body, portForTry, acked, done, 0);
    return done.future();
  }

  private static void attempt(Vertx vertx, WebClient client, String path, byte[] body, IntUnaryOperator portForTry,
                              AtomicInteger acked, Promise<Void> done, int tries) {
    client.post(portForTry.applyAsInt(tries), "127.0.0.1", path).timeout(5000)
        .putHeader("X-Hub-Signature-256", MetaSignature.sign(TestEngine.APP_SECRET, body))
        .sendBuffer(Buffer.buffer(body))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result().statusCode() == 200) {
            acked.incrementAndGet();
            done.complete();
          } else if (ar.succeeded() && ar.result().statusCode() != 503 && ar.result().statusCode() != 504) {
            // Anything but 503 (busy, a dependency down) and 504 (an append that timed out) is a test failure;
            // those two, and connection errors, are retried below as providers do.
            done.fail("unexpected status " + ar.result().statusCode());
          } else if (tries >= 600) {
            done.fail("gave up after " + tries + " tries");
          } else {
            vertx.setTimer(100, id -> attempt(vertx, client, path, body, portForTry, acked, done, tries + 1));
          }
        });
  }

  /** Which port message {@code m} of contact {@code c} goes to on its {@code tries}-th try. */
  interface PortChooser {
    int port(int c, int m, int tries);
  }

  /**
   * Contacts writing at once, each one message at a time ("pedido 0", "pedido 1", ... with ids
   * {@code idPrefix + c + "m" + m}), every message retried until acknowledged, as a provider does.
   */
  static Future<?> conversations(Vertx vertx, WebClient client, String channel, int contacts, int messages,
                                 IntFunction<String> contact, String idPrefix, PortChooser ports, AtomicInteger acked) {
    List<Future<Void>> chains = new ArrayList<>();
    for (int c = 0; c < contacts; c++) {
      int contactIndex = c;
      Future<Void> chain = Future.succeededFuture();
      for (int m = 0; m < messages; m++) {
        int message = m;
        byte[] body = WhatsAppPayloads.text(contact.apply(c), idPrefix + c + "m" + m, "pedido " + m);
        chain = chain.compose(v -> deliver(vertx, client, channel, body,
            tries -> ports.port(contactIndex, message, tries), acked));
      }
      chains.add(chain);
    }
    return Future.all(chains);
  }

  /** Each conversation's inbound messages were processed exactly once, in the order they were sent. */
  static void assertProcessedOnceInOrder(Stores stores, int conversations, int messages, IntFunction<String> from,
                                         String idPrefix) {
    assertProcessedOnceInOrder(stores, "acme", "wa", conversations, messages, from, idPrefix);
  }

  static void assertProcessedOnceInOrder(Stores stores, String tenant, String channel, int conversations, int messages,
                                         IntFunction<String> from, String idPrefix) {
    for (int c = 0; c < conversations; c++) {
      List<String> inbound = Await.of(stores.conversations().messages(new ConversationKey(tenant, channel,
          "+" + from.apply(c)), 1000)).stream().filter(t -> t.direction() == Direction.INBOUND).map(Turn::eventId)
          .toList();
      List<String> expected = new ArrayList<>();
      for (int m = 0; m < messages; m++) {
        expected.add(idPrefix + c + "m" + m);
      }
      assertThat(inbound).as("conversation %d processed once each, in order", c).containsExactlyElementsOf(expected);
    }
  }

  /**
   * Every command was SENT and reached the provider, counted by Idempotency-Key; returns the raw resends (calls
   * beyond one per command), which the caller bounds by what the crash interrupted.
   */
  static long assertRepliesOnceInEffect(Stores stores, FakeProvider graph) {
    List<OutboundCommand> commands = Await.of(stores.outbox().list("acme", null, 100_000));
    assertThat(commands).isNotEmpty().allMatch(cmd -> cmd.status() == CommandStatus.SENT);
    Set<String> commandIds = commands.stream().map(OutboundCommand::id).collect(Collectors.toSet());
    Map<String, Long> receivedByKey = graph.received().stream()
        .filter(r -> String.valueOf(r.headers().get("Idempotency-Key")).startsWith("acme:"))
        .collect(Collectors.groupingBy(r -> r.headers().get("Idempotency-Key"), Collectors.counting()));
    assertThat(receivedByKey.keySet()).as("every reply reached the provider").isEqualTo(commandIds);
    return receivedByKey.values().stream().mapToLong(n -> n - 1).sum();
  }

  /** No reply was the tenant's "instability" fallback: a fault of the infrastructure is not an AI failure. */
  static void assertNoFallbackReply(Stores stores) {
    List<String> texts = Await.of(stores.outbox().list("acme", null, 100_000)).stream()
        .map(OutboundCommand::payload).filter(p -> p instanceof OutboundPayload.Text)
        .map(p -> ((OutboundPayload.Text) p).body()).toList();
    assertThat(texts).isNotEmpty().doesNotContain("Instabilidade, já voltamos.");
  }

  /**
   * The texts a recipient was sent through the sandbox, oldest first, one per outbox command: a send whose settle
   * was lost (the database cut just after it) is sent again under the same command id, which a provider honouring
   * the Idempotency-Key drops — once in effect. Two commands for one message would still show twice.
   */
  static List<String> sandboxRepliesOncePerCommand(SandboxLog sandbox, String tenant, String recipient) {
    List<SandboxLog.Entry> newestFirst = sandbox.list(tenant, 10_000);
    Set<String> seen = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      SandboxLog.Entry e = newestFirst.get(i);
      if (e.recipient().equals(recipient) && seen.add(e.commandId())) {
        texts.add(e.text());
      }
    }
    return texts;
  }

  /** Commands not yet SENT or DEAD. */
  static long unsettled(Stores stores) {
    return Await.of(stores.outbox().list("acme", null, 100_000)).stream()
        .filter(c -> c.status() != CommandStatus.SENT && c.status() != CommandStatus.DEAD).count();
  }
}
