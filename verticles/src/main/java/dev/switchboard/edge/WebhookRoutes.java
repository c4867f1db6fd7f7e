package dev.switchboard.edge;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.switchboard.config.HttpConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.bus.Failure;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.IngestResult;
import dev.switchboard.engine.bus.RawWebhook;
import dev.switchboard.engine.channel.MetaHandshake;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Locale;

/**
 * {@code /webhooks/{channelId}}: the Meta GET handshake and the POST that verifies a payload, hands it to the
 * normalizer and answers 200 only once the normalizer has put every event in the inbox.
 */
final class WebhookRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
  private static final Set<ChannelType> META = EnumSet.of(ChannelType.WHATSAPP, ChannelType.MESSENGER, ChannelType.INSTAGRAM);

  private final Vertx vertx;
  private final TenantDirectory directory;
  private final HttpConfig config;
  private final WebhookVerifier verifier;
  private final Clock clock;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final SwitchboardMetrics metrics;

  WebhookRoutes(Vertx vertx, TenantDirectory directory, HttpConfig config, Clock clock, SwitchboardMetrics metrics) {
    this.metrics = metrics;
    this.vertx = vertx;
    this.directory = directory;
    this.config = config;
    this.clock = clock;
    this.verifier = new WebhookVerifier(clock);
  }

  void mount(Router router) {
    router.get("/webhooks/:channelId").handler(this::handshake);
    router.post("/webhooks/:channelId")
        .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()))
        .handler(this::receive);
  }

  private void handshake(RoutingContext ctx) {
    var binding = directory.channel(ctx.pathParam("channelId")).orElse(null);
    if (binding == null) {
      ErrorReply.send(ctx, 404, "unknown_channel", "no channel with this id");
      return;
    }
    if (!META.contains(binding.channel().type())) {
      ErrorReply.send(ctx, 405, "method_not_allowed", "this channel type has no subscription handshake");
      return;
    }
    var request = ctx.request();
    var result = MetaHandshake.check(request.getParam("hub.mode"), request.getParam("hub.verify_token"),
        request.getParam("hub.challenge"), binding.channel().verifyToken());
    if (result.status() == 200) {
      ctx.response().putHeader("content-type", "text/plain").end(result.body());
    } else {
      ErrorReply.send(ctx, result.status(), result.status() == 400 ? "bad_request" : "forbidden",
          result.status() == 400 ? "hub.mode, hub.verify_token and hub.challenge are required" : "verification failed");
    }
  }

  private void receive(RoutingContext ctx) {
    String cid = Correlation.fromHeader(ctx.request().getHeader(Correlation.HEADER));
    ctx.response().putHeader(Correlation.HEADER, cid);
    var binding = directory.channel(ctx.pathParam("channelId")).orElse(null);
    if (binding == null) {
      metrics.webhook(null, SwitchboardMetrics.UNKNOWN, "unknown_channel", 1);
      ErrorReply.send(ctx, 404, "unknown_channel", "no channel with this id");
      return;
    }
    String tenant = binding.tenant().id();
    String channel = binding.channel().type().name().toLowerCase(Locale.ROOT);
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String reject = verifier.rejectReason(binding.channel(), ctx.request().headers(), body);
    if (reject != null) {
      metrics.webhook(tenant, channel, "invalid_signature", 1);
      LOG.warn("webhook rejected {} {} {} reason=signature", kv("cid", cid), kv("tenant", tenant),
          kv("channel", channel));
      ErrorReply.send(ctx, 401, "invalid_signature", reject);
      return;
    }
    if (inFlight.incrementAndGet() > config.maxInFlight()) {
      inFlight.decrementAndGet();
      metrics.webhook(tenant, channel, "busy", 1);
      ErrorReply.busy(ctx, "too many webhooks in progress");
      return;
    }
    var raw = new RawWebhook(binding.ref(), body, ctx.request().getHeader("webhook-id"), clock.instant());
    vertx.eventBus().<IngestResult>request(Addresses.NORMALIZE, raw,
            new DeliveryOptions().setLocalOnly(true).setSendTimeout(config.ingestTimeoutMs()).addHeader(Correlation.HEADER, cid))
        .onComplete(ar -> {
          inFlight.decrementAndGet();
          if (ar.succeeded()) {
            IngestResult r = ar.result().body();
            metrics.webhook(tenant, channel, "accepted", r.accepted());
            metrics.webhook(tenant, channel, "duplicate", r.duplicates());
            metrics.webhook(tenant, channel, "ignored", r.ignored());
            LOG.info("webhook stored {} {} {} accepted={} duplicates={} ignored={}", kv("cid", cid),
                kv("tenant", tenant), kv("channel", channel), r.accepted(), r.duplicates(), r.ignored());
            ctx.response().putHeader("content-type", "application/json").end(new JsonObject()
                .put("accepted", r.accepted()).put("duplicates", r.duplicates()).put("ignored", r.ignored()).encode());
          } else {
            fail(ctx, tenant, channel, cid, ar.cause());
          }
        });
  }

  /** Providers get the shared mapping (ErrorReply.failure), with a name of their own for a payload they sent wrong. */
  private void fail(RoutingContext ctx, String tenant, String channel, String cid, Throwable cause) {
    Failure failure = Failure.of(cause);
    switch (failure.code()) {
      case BAD_PAYLOAD -> {
        metrics.webhook(tenant, channel, "malformed", 1);
        ErrorReply.send(ctx, 400, "malformed_payload", failure.getMessage());
      }
      case QUEUE_FULL, UNAVAILABLE, TIMEOUT -> {
        metrics.webhook(tenant, channel, "busy", 1);
        if (failure.code() != FailureCode.QUEUE_FULL) {
          LOG.warn("webhook not accepted {} {} {} code={}", kv("cid", cid), kv("tenant", tenant),
              kv("channel", channel), failure.code());
        }
        ErrorReply.failure(ctx, failure);
      }
      default -> {
        metrics.webhook(tenant, channel, "failed", 1);
        LOG.error("webhook failed {} {} {} code={}", kv("cid", cid), kv("tenant", tenant), kv("channel", channel),
            failure.code());
        ErrorReply.send(ctx, 500, "internal", "the event was not accepted");
      }
    }
  }
}
