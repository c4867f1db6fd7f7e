package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 500 conversations × 20 messages sent concurrently, interleaved across conversations, each conversation in
 * send order (the next message after the previous got its 200, as a provider delivers), with 10% of deliveries
 * repeated. Every conversation must be processed in order, each message exactly once.
 */
class OrderingIT {
  private static final int CONVERSATIONS = 500;
  private static final int MESSAGES = 20;
  private static TestEngine t;

  @BeforeAll
  static void start() {
    t = new TestEngine(Map.of("DEBOUNCE_MS", "0"));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void everyConversationIsProcessedInSendOrderExactlyOnce() {
    Random random = new Random(42);
    AtomicInteger repeats = new AtomicInteger();
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    List<Future<Void>> all = new ArrayList<>();
    for (int c = 0; c < CONVERSATIONS; c++) {
      String from = String.format("55119%08d", c);
      List<Boolean> repeat = new ArrayList<>();
      for (int m = 0; m < MESSAGES; m++) {
        repeat.add(random.nextInt(10) == 0);
      }
      Future<Void> chain = Future.succeededFuture();
      for (int m = 0; m < MESSAGES; m++) {
        String id = "wamid.c" + c + "m" + m;
        String text = "mensagem " + m;
        boolean again = repeat.get(m);
        chain = chain.compose(v -> t.whatsappText(from, id, text)).compose(res -> {
          statuses.add(res.statusCode());
          if (!again) {
            return Future.succeededFuture();
          }
          repeats.incrementAndGet();
          return t.whatsappText(from, id, text).map(r -> {
            statuses.add(r.statusCode());
            return null;
          });
        }).mapEmpty();
      }
      all.add(chain);
    }
    Await.of(Future.all(all));
    assertThat(statuses).hasSize(CONVERSATIONS * MESSAGES + repeats.get()).containsOnly(200);
    assertThat(repeats.get()).isGreaterThan(CONVERSATIONS * MESSAGES / 20);

    assertThat(Await.until(() -> Await.of(t.engine.stores().inbox().countUnprocessed()) == 0, 60_000)).isTrue();
    Set<String> commandIds = new HashSet<>();
    for (int c = 0; c < CONVERSATIONS; c++) {
      var key = new ConversationKey("acme", "wa", String.format("+55119%08d", c));
      List<String> inbound = Await.of(t.engine.stores().conversations().messages(key, 1000)).stream()
          .filter(turn -> turn.direction() == Direction.INBOUND).map(Turn::eventId).toList();
      List<String> expected = new ArrayList<>();
      for (int m = 0; m < MESSAGES; m++) {
        expected.add("wamid.c" + c + "m" + m);
      }
      assertThat(inbound).as("conversation %d", c).containsExactlyElementsOf(expected);
    }
    var sent = Await.of(t.engine.stores().outbox().list("acme", null, 100_000));
    sent.forEach(cmd -> assertThat(commandIds.add(cmd.id())).isTrue());
    assertThat(sent).isNotEmpty().allMatch(cmd -> cmd.status() == CommandStatus.SENT || cmd.status() == CommandStatus.PENDING
        || cmd.status() == CommandStatus.SENDING);
    assertThat(t.engine.sandbox().list("acme", 100_000)).extracting(e -> e.commandId()).doesNotHaveDuplicates();
  }
}
