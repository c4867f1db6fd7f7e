package dev.switchboard.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedMailboxesTest {

  @Test
  void tasksOfOneKeyRunOneAtATimeInOrderWhileOtherKeysProceed() {
    KeyedMailboxes<String> boxes = new KeyedMailboxes<>(10, 100);
    List<String> log = new ArrayList<>();
    Promise<Void> firstA = Promise.promise();
    boxes.submit("a", () -> {
      log.add("a1 start");
      return firstA.future();
    });
    boxes.submit("a", () -> {
      log.add("a2");
      return Future.succeededFuture();
    });
    boxes.submit("b", () -> {
      log.add("b1");
      return Future.succeededFuture();
    });
    assertThat(log).containsExactly("a1 start", "b1");
    assertThat(boxes.pending()).isEqualTo(2);
    firstA.complete();
    assertThat(log).containsExactly("a1 start", "b1", "a2");
    assertThat(boxes.pending()).isZero();
    assertThat(boxes.activeKeys()).isZero();
  }

  @Test
  void aFailedTaskDoesNotStopTheMailbox() {
    KeyedMailboxes<String> boxes = new KeyedMailboxes<>(10, 100);
    List<String> log = new ArrayList<>();
    Future<Object> failed = boxes.submit("a", () -> {
      throw new IllegalStateException("boom");
    });
    boxes.submit("a", () -> {
      log.add("next");
      return Future.succeededFuture();
    });
    assertThat(failed.failed()).isTrue();
    assertThat(log).containsExactly("next");
  }

  @Test
  void boundsPerKeyAndInTotalRefuseWithoutQueueing() {
    KeyedMailboxes<String> boxes = new KeyedMailboxes<>(2, 3);
    Promise<Void> block = Promise.promise();
    boxes.submit("a", block::future);
    boxes.submit("a", block::future);
    Future<Void> third = boxes.submit("a", block::future);
    assertThat(third.cause()).isInstanceOf(KeyedMailboxes.MailboxFullException.class);
    assertThat(boxes.hasRoom("a", 0)).isFalse();
    assertThat(boxes.hasRoom("b", 0)).isTrue();
    boxes.submit("b", block::future);
    assertThat(boxes.submit("c", block::future).cause()).isInstanceOf(KeyedMailboxes.MailboxFullException.class);
    assertThat(boxes.hasRoom("c", 0)).isFalse();
    assertThat(boxes.activeKeys()).isEqualTo(2);
    block.complete();
    assertThat(boxes.pending()).isZero();
    assertThat(boxes.activeKeys()).isZero();
  }
}
