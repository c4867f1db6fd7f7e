package dev.switchboard.bench;

import dev.switchboard.store.Storage;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.config.StorageConfig;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.Contact;
import dev.switchboard.engine.event.Content;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.EventSource;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.store.InboxEntry;
import dev.switchboard.engine.store.SessionStep;
import java.time.Instant;
import java.util.List;
import java.lang.ref.Reference;

/**
 * Heap per idle conversation in embedded mode: 100,000 conversations, each with one inbound message processed
 * (conversation record, its message, its inbox entry kept for dedupe), no mailbox (idle mailboxes are released).
 * Prints bytes per conversation.
 */
public final class IdleHeap {
  private IdleHeap() {
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Stores stores = Storage.memory(new StorageConfig(StorageConfig.Mode.MEMORY, n * 2, 0, null, null));
    ChannelRef wa = new ChannelRef("demo", "demo-whatsapp", ChannelType.WHATSAPP);
    long before = used();
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      String phone = String.format("55119%08d", i);
      var key = new ConversationKey("demo", "demo-whatsapp", "+" + phone);
      var event = new MessageReceived(new EventSource(wa, "wamid.idle" + i, now), new Contact("+" + phone, phone, null),
          new Content.Text("oi"), null);
      stores.inbox().insertIfAbsent(new InboxEntry(event, now, false));
      Conversation c = Conversation.open(key, phone, now).withInbound(phone, now);
      stores.conversations().commit(new SessionStep(c, List.of(new Turn(Direction.INBOUND, "oi", event.source().eventId(),
          now)), List.of(), List.of(), List.of(event.dedupeKey())));
    }
    long after = used();
    System.out.printf("idle conversations: %d, heap %.1f MB, %d bytes per conversation%n", n,
        (after - before) / 1e6, (after - before) / n);
    Reference.reachabilityFence(stores);
  }

  private static long used() {
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
