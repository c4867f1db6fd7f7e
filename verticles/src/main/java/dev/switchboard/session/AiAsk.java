package dev.switchboard.session;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.config.AiProviderKind;
import dev.switchboard.config.SessionConfig;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.ai.intent.IntentClassifier;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.event.MessageReceived;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A turn's question to the AI verticle of this node: the batch's text with the conversation's recent history,
 * asked again once when the request was not delivered (a departed node), the tenant's fallback text when the AI
 * itself failed.
 */
final class AiAsk {
  private static final Logger LOG = LoggerFactory.getLogger(AiAsk.class);
  private final EventBus bus;
  private final Stores stores;
  private final SessionConfig config;
  private final SwitchboardMetrics metrics;

  AiAsk(EventBus bus, Stores stores, SessionConfig config, SwitchboardMetrics metrics) {
    this.bus = bus;
    this.stores = stores;
    this.config = config;
    this.metrics = metrics;
  }

  Future<Answered> ask(TenantConfig tenant, ConversationKey key, List<MessageReceived> batch, String cid,
                                 IntentClassifier.Classification classified) {
    String text = batch.stream().map(m -> m.content().text()).filter(t -> !t.isBlank())
        .collect(Collectors.joining("\n"));
    long started = System.nanoTime();
    // The rules provider answers from the current turn alone: do not read the history it would ignore.
    Future<List<Turn>> recent = tenant.aiProvider() == AiProviderKind.RULES ? Future.succeededFuture(List.of())
        : stores.conversations().messages(key, config.historyTurns());
    // A history that cannot be read is a storage failure, not an AI failure: the turn fails and its events stay
    // unprocessed for the inbox sweeper, instead of the customer getting the "instability" fallback.
    return recent.compose(history -> {
      long deadline = System.currentTimeMillis() + config.aiTimeoutMs();
      AiRequest request = new AiRequest(tenant.id(), key.logId(), text, history, deadline, classified);
      return askOnce(request, cid, config.aiTimeoutMs())
          .recover(e -> {
            long left = deadline - System.currentTimeMillis();
            // In a cluster the request may have gone to a node that just died (its handlers linger in the
            // registry until the membership notices): a delivery failure, not an AI failure, so ask again.
            return undelivered(e) && left > 0 ? askOnce(request, cid, left) : Future.failedFuture(e);
          })
          .map(reply -> {
            metrics.ai(tenant.id(), reply.body().provider(), reply.body().fallback() ? "fallback" : "ok",
                Duration.ofNanos(System.nanoTime() - started));
            return new Answered(reply.body().text(), reply.body().fallback());
          })
          .recover(e -> {
            metrics.ai(tenant.id(), tenant.aiProvider().wire(), "fallback",
                Duration.ofNanos(System.nanoTime() - started));
            LOG.warn("ai unavailable {} conversation={} cause={}, using fallback", kv("cid", cid), key.logId(),
                e.getClass().getSimpleName());
            return Future.succeededFuture(new Answered(tenant.template("fallback"), true));
          });
    });
  }

  private Future<Message<AiReply>> askOnce(AiRequest request, String cid, long timeoutMs) {
    return bus.request(Addresses.AI, request,
        new DeliveryOptions().setSendTimeout(timeoutMs).addHeader(Correlation.HEADER, cid));
  }

  private static boolean undelivered(Throwable e) {
    return e instanceof ReplyException re
        && (re.failureType() == ReplyFailure.NO_HANDLERS
        || re.failureType() == ReplyFailure.ERROR);
  }
}
