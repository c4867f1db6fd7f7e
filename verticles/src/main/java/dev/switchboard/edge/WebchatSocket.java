package dev.switchboard.edge;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import io.vertx.core.net.SocketAddress;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import java.util.Set;
import java.util.List;
import java.util.HashSet;
import java.util.ArrayList;
import java.time.Duration;
import io.vertx.core.json.JsonArray;
import io.vertx.core.Future;
import dev.switchboard.engine.store.Stores;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.RawWebhook;
import dev.switchboard.engine.bus.WebchatDelivery;
import dev.switchboard.engine.event.ChannelType;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import dev.switchboard.engine.event.ChannelRef;

/**
 * {@code /webchat/{channelId}?visitor=ID}: the web chat channel. Frames from the browser go through the same
 * normalizer and inbox as any webhook; the bot's replies arrive on the visitor's bus address.
 * Client frames: {@code {"text": "..."}}. Server frames: {@code {"type":"ack"|"message"|"error", ...}}.
 */
final class WebchatSocket {
  private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final int MAX_FRAME = 16 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(WebchatSocket.class);
  /** Messages of the conversation sent to a visitor who (re)connects. */
  private static final int HISTORY = 50;
  private final Vertx vertx;
  private final Stores stores;
  private final byte[] originKey;
  private final TenantDirectory directory;
  private final Clock clock;
  private final long ingestTimeoutMs;

  /** @param originKey the secret the visitor-address tags are keyed with (the same on every node) */
  WebchatSocket(Vertx vertx, TenantDirectory directory, Stores stores, Clock clock, long ingestTimeoutMs,
                byte[] originKey) {
    this.originKey = originKey.clone();
    this.stores = stores;
    this.vertx = vertx;
    this.directory = directory;
    this.clock = clock;
    this.ingestTimeoutMs = ingestTimeoutMs;
  }

  void mount(Router router) {
    router.route("/webchat/:channelId").handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    var binding = directory.channel(ctx.pathParam("channelId")).orElse(null);
    if (binding == null || binding.channel().type() != ChannelType.WEBCHAT) {
      ErrorReply.send(ctx, 404, "unknown_channel", "no web chat channel with this id");
      return;
    }
    String visitor = ctx.request().getParam("visitor");
    if (visitor == null || !VISITOR.matcher(visitor).matches()) {
      ErrorReply.send(ctx, 400, "bad_request", "visitor must be 8-64 characters of A-Z a-z 0-9 _ -");
      return;
    }
    ConversationKey key = new ConversationKey(binding.tenant().id(), binding.channel().id(), visitor);
    ctx.request().toWebSocket().onSuccess(socket -> {
      // A reply counts as sent once it is written to this socket: the sender waits for this answer.
      MessageConsumer<WebchatDelivery> replies = vertx.eventBus().consumer(
          Addresses.webchatOut(binding.channel().id(), visitor),
          msg -> socket.writeTextMessage(new JsonObject().put("type", "message").put("id", msg.body().commandId())
              .put("text", msg.body().text()).encode())
              .onComplete(ar -> {
                if (ar.succeeded()) {
                  msg.reply("written");
                } else {
                  msg.fail(FailureCode.UNAVAILABLE.code(), "socket closed");
                }
              }));
      socket.closeHandler(v -> replies.unregister());
      socket.textMessageHandler(text -> onFrame(socket, binding.ref(), visitor, text));
      replies.completion().compose(v -> sendHistory(socket, key))
          .onFailure(e -> LOG.warn("web chat history not sent conversation={} cause={}", key.logId(),
              e.getClass().getSimpleName()));
    });
  }

  /**
   * The conversation so far, as one frame, when a visitor (re)connects; replies that waited for the visitor and are
   * in it are settled as sent — they were written to an open socket — so they are not shown twice.
   */
  private Future<Void> sendHistory(ServerWebSocket socket, ConversationKey key) {
    return stores.conversations().messages(key, HISTORY).compose(turns -> {
      if (turns.isEmpty()) {
        return Future.succeededFuture();
      }
      JsonArray messages = new JsonArray();
      Set<String> shown = new HashSet<>();
      for (Turn t : turns) {
        messages.add(new JsonObject().put("direction", t.direction().name()).put("text", t.text())
            .put("id", t.eventId()).put("at", t.at().toString()));
        shown.add(t.eventId());
      }
      return socket.writeTextMessage(new JsonObject().put("type", "history").put("messages", messages).encode())
          // Everything still open for the conversation: created before a moment safely in the future.
          .compose(v -> stores.outbox().openBefore(key, clock.instant().plus(Duration.ofDays(1)), "", HISTORY))
          .compose(waiting -> {
            List<Future<Boolean>> settled = new ArrayList<>();
            for (OutboundCommand c : waiting) {
              if (shown.contains(c.id()) && c.status() != CommandStatus.SENDING) {
                settled.add(stores.outbox().transition(c.status(), c.sent("webchat-history")));
              }
            }
            return Future.join(settled).mapEmpty();
          });
    });
  }

  /**
   * Where the visitor writes from, for the tenant's per-address limit: an HMAC of the remote address keyed with a
   * secret every node shares (an IP is personal data and the IPv4 space is small enough to reverse a plain hash; the
   * tag is stored, the address never is), with the tenant in it so tenants cannot correlate visitors.
   */
  private String origin(ServerWebSocket socket, String tenantId) {
    SocketAddress remote = socket.remoteAddress();
    String host = remote == null ? "unknown" : remote.hostAddress();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(originKey, "HmacSHA256"));
      byte[] digest = mac.doFinal((tenantId + "|" + host).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private void onFrame(ServerWebSocket socket, ChannelRef channel, String visitor,
                       String frame) {
    String text;
    try {
      text = frame.length() > MAX_FRAME ? null : new JsonObject(frame).getString("text");
    } catch (DecodeException | ClassCastException e) {
      text = null;
    }
    if (text == null || text.isBlank()) {
      socket.writeTextMessage(new JsonObject().put("type", "error").put("detail", "send {\"text\": \"...\"}").encode());
      return;
    }
    String messageId = UUID.randomUUID().toString();
    byte[] body = new JsonObject().put("visitorId", visitor).put("messageId", messageId).put("text", text)
        .put("sentAt", clock.millis()).put("origin", origin(socket, channel.tenantId())).encode()
        .getBytes(StandardCharsets.UTF_8);
    vertx.eventBus().request(Addresses.NORMALIZE, new RawWebhook(channel, body, null, clock.instant()),
            new DeliveryOptions().setLocalOnly(true).setSendTimeout(ingestTimeoutMs).addHeader(Correlation.HEADER, messageId))
        .onComplete(ar -> socket.writeTextMessage(ar.succeeded()
            ? new JsonObject().put("type", "ack").put("id", messageId).encode()
            : new JsonObject().put("type", "error").put("detail", "not accepted, try again").encode()));
  }
}
