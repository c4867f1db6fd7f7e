package dev.switchboard.ai;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.ai.AiProvider;
import dev.switchboard.engine.ai.extract.Extraction;
import dev.switchboard.engine.ai.extract.ExtractionFlow;
import dev.switchboard.engine.ai.extract.Extractor;
import dev.switchboard.engine.ai.extract.RulesExtractor;
import dev.switchboard.engine.ai.extract.SchemaCheck;
import dev.switchboard.engine.ai.guard.InjectionGuard;
import dev.switchboard.engine.ai.guard.OutputGuard;
import dev.switchboard.engine.ai.rules.IntentClassifier;
import dev.switchboard.engine.ai.rules.RulesAiProvider;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import dev.switchboard.engine.bus.ExtractRequest;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves AI turns with each tenant's provider, behind guards: an injection attempt never reaches the provider and
 * gets the tenant's safe template; a reply that is too long, leaks the instructions or echoes a document number is
 * withheld (the session then sends the fallback). The session owns the deadline and the fallback text.
 */
public final class AiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AiVerticle.class);
  private final TenantDirectory directory;
  private final SwitchboardMetrics metrics;
  private final Map<String, Built> providers = new HashMap<>();

  /** A provider and the tenant configuration it was built from; a reload brings a new configuration object. */
  private record Built(TenantConfig config, AiProvider provider) {
  }
  private final Map<String, SchemaCheck> schemas = new HashMap<>();
  private WebClient client;

  public AiVerticle(TenantDirectory directory, SwitchboardMetrics metrics) {
    this.directory = directory;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx);
    for (TenantConfig tenant : directory.tenants()) {
      provider(tenant);
    }
    return Future.join(vertx.eventBus().<AiRequest>consumer(Addresses.AI, this::handle).completion(),
        vertx.eventBus().<ExtractRequest>consumer(Addresses.AI_EXTRACT, this::extract).completion());
  }

  @Override
  public Future<?> stop() {
    client.close();
    return Future.succeededFuture();
  }

  /** The tenant's provider, built again when its configuration was reloaded (new templates, endpoint or key). */
  private AiProvider provider(TenantConfig tenant) {
    Built built = providers.get(tenant.id());
    if (built == null || built.config() != tenant) {
      built = new Built(tenant, create(tenant));
      providers.put(tenant.id(), built);
      schemas.remove(tenant.id());
    }
    return built.provider();
  }

  private AiProvider create(TenantConfig tenant) {
    return switch (tenant.aiProvider()) {
      case RULES -> new RulesAiProvider(new IntentClassifier(tenant.keywords()), tenant.templates());
      case OPENAI -> new OpenAiProvider(vertx, client, tenant, metrics);
    };
  }

  /** Extraction into the tenant's schema: the same contract for every provider (VALID or REQUIRES_REVIEW). */
  private void extract(Message<ExtractRequest> message) {
    TenantConfig tenant = directory.tenant(message.body().tenantId()).orElse(null);
    if (tenant == null) {
      message.fail(FailureCode.NOT_FOUND.code(), "no tenant " + message.body().tenantId());
      return;
    }
    if (tenant.extractionSchema() == null) {
      message.fail(FailureCode.BAD_PAYLOAD.code(), "tenant " + tenant.id() + " has no extractionSchema configured");
      return;
    }
    AiProvider provider = provider(tenant);
    Extractor extractor = provider instanceof Extractor e ? e : new RulesExtractor(Clock.systemUTC());
    SchemaCheck schema = schemas.computeIfAbsent(tenant.id(),
        id -> new SchemaCheck(new ObjectMapper().valueToTree(tenant.extractionSchema())));
    ExtractionFlow.run(extractor, schema, message.body().text())
        .onSuccess(result -> {
          if (result.status() == Extraction.Status.REQUIRES_REVIEW) {
            metrics.aiGuard(tenant.id(), "extraction", "requires-review");
          }
          if (result.attempts() > 1) {
            metrics.aiGuard(tenant.id(), "extraction", "re-prompt");
          }
          message.reply(result);
        })
        .onFailure(e -> message.fail(FailureCode.UNAVAILABLE.code(), "extraction failed"));
  }

  private void handle(Message<AiRequest> message) {
    AiRequest request = message.body();
    TenantConfig tenant = directory.tenant(request.tenantId()).orElse(null);
    AiProvider provider = tenant == null ? null : provider(tenant);
    if (provider == null) {
      message.fail(FailureCode.NOT_FOUND.code(), "no tenant " + request.tenantId());
      return;
    }
    String injection = InjectionGuard.reason(request.text());
    if (injection != null) {
      metrics.aiGuard(tenant.id(), "input", injection);
      LOG.warn("ai input blocked conversation={} reason={}", request.conversationLogId(), injection);
      String safe = tenant.template("injection") != null ? tenant.template("injection") : tenant.template("other");
      message.reply(new AiReply("blocked", safe == null ? "" : safe, provider.name(), false));
      return;
    }
    provider.reply(request)
        .onSuccess(reply -> {
          String violation = provider instanceof OpenAiProvider ai
              ? OutputGuard.violation(reply.text(), ai.systemPrompt(), ai.maxReplyChars()) : null;
          if (violation != null) {
            metrics.aiGuard(tenant.id(), "output", violation);
            LOG.warn("ai reply withheld conversation={} reason={}", request.conversationLogId(), violation);
            message.fail(FailureCode.UNAVAILABLE.code(), "reply withheld: " + violation);
          } else {
            message.reply(reply);
          }
        })
        .onFailure(e -> {
          LOG.warn("ai provider failed provider={} conversation={} cause={}", provider.name(),
              request.conversationLogId(), e.getMessage());
          message.fail(FailureCode.UNAVAILABLE.code(), "provider failed");
        });
  }
}
