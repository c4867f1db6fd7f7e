package dev.switchboard.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.ai.AiProvider;
import dev.switchboard.engine.ai.extract.BrazilianEntities;
import dev.switchboard.engine.ai.extract.Extraction;
import dev.switchboard.engine.ai.extract.ExtractionFlow;
import dev.switchboard.engine.ai.extract.Extractor;
import dev.switchboard.engine.ai.extract.RulesExtractor;
import dev.switchboard.engine.ai.extract.SchemaCheck;
import dev.switchboard.engine.ai.guard.InjectionGuard;
import dev.switchboard.engine.ai.guard.OutputGuard;
import dev.switchboard.engine.ai.intent.IntentClassifier;
import dev.switchboard.engine.ai.rules.RulesAiProvider;
import dev.switchboard.engine.bus.Addresses;
import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import dev.switchboard.engine.bus.ClassifyReply;
import dev.switchboard.engine.bus.ClassifyRequest;
import dev.switchboard.engine.bus.ExtractRequest;
import dev.switchboard.engine.bus.FailureCode;
import dev.switchboard.engine.bus.KnowledgeChanged;
import dev.switchboard.engine.store.KnowledgeStore;
import dev.switchboard.metrics.SwitchboardMetrics;
import dev.switchboard.tenant.IntentModels;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves AI turns with each tenant's provider, behind guards: an injection attempt never reaches the provider and
 * gets the tenant's safe template; a reply that is too long, leaks the instructions or echoes a document number is
 * withheld (the session then sends the fallback). Also answers extraction into the tenant's schema and the
 * operators' classify requests, and keeps each tenant's knowledge index. The session owns the deadline and the
 * fallback text.
 */
public final class AiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AiVerticle.class);
  private static final int PASSAGES = 3;
  private final TenantDirectory directory;
  private final SwitchboardMetrics metrics;
  private final IntentModels intents;
  private final KnowledgeStore knowledgeStore;
  private final Clock clock;
  private final Map<String, Built> providers = new HashMap<>();
  private final Map<String, SchemaCheck> schemas = new HashMap<>();
  private TenantKnowledge knowledge;
  private WebClient client;

  /** A provider and the tenant configuration it was built from; a reload brings a new configuration object. */
  private record Built(TenantConfig config, AiProvider provider) {
  }

  public AiVerticle(TenantDirectory directory, SwitchboardMetrics metrics, IntentModels intents,
                    KnowledgeStore knowledgeStore, Clock clock) {
    this.directory = directory;
    this.metrics = metrics;
    this.intents = intents;
    this.knowledgeStore = knowledgeStore;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx);
    knowledge = new TenantKnowledge(vertx, knowledgeStore);
    for (TenantConfig tenant : directory.tenants()) {
      provider(tenant);
    }
    var bus = vertx.eventBus();
    return Future.join(List.of(
        Future.join(directory.tenants().stream().map(knowledge::rebuild).toList()),
        // Every node runs this verticle: a turn's request never crosses to a node that may die under it.
        bus.<AiRequest>localConsumer(Addresses.AI, this::handle).completion(),
        bus.<ExtractRequest>localConsumer(Addresses.AI_EXTRACT, this::extract).completion(),
        bus.<ClassifyRequest>localConsumer(Addresses.AI_CLASSIFY, this::classify).completion(),
        bus.<KnowledgeChanged>consumer(Addresses.KNOWLEDGE_CHANGED, m ->
            directory.tenant(m.body().tenantId()).ifPresent(knowledge::rebuild)).completion()));
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
      if (built != null) {
        knowledge.rebuild(tenant); // the configured entries may have changed with the rest
      }
      built = new Built(tenant, create(tenant));
      providers.put(tenant.id(), built);
      schemas.remove(tenant.id());
    }
    return built.provider();
  }

  private AiProvider create(TenantConfig tenant) {
    return switch (tenant.aiProvider()) {
      case RULES -> new RulesAiProvider(() -> intents.forTenant(tenant), tenant.templates(),
          () -> knowledge.index(tenant.id()));
      case OPENAI -> new OpenAiProvider(vertx, client, tenant, metrics, intents.forTenant(tenant).intents(),
          text -> knowledge.index(tenant.id()).search(text, PASSAGES).stream()
              .map(p -> (p.entry().title().isBlank() ? "" : p.entry().title() + ": ") + p.entry().text()).toList());
    };
  }

  /** Extraction into the tenant's schema: the same contract for every provider (VALID or REQUIRES_REVIEW). */
  private void extract(Message<ExtractRequest> message) {
    ExtractRequest request = message.body();
    TenantConfig tenant = directory.tenant(request.tenantId()).orElse(null);
    if (tenant == null) {
      message.fail(FailureCode.NOT_FOUND.code(), "no tenant " + request.tenantId());
      return;
    }
    if (tenant.extractionSchema() == null) {
      message.fail(FailureCode.BAD_PAYLOAD.code(), "tenant " + tenant.id() + " has no extractionSchema configured");
      return;
    }
    Clock at = clockAt(request.now());
    if (at == null) {
      message.fail(FailureCode.BAD_PAYLOAD.code(), "now must be an ISO-8601 date-time with an offset");
      return;
    }
    AiProvider provider = provider(tenant);
    Extractor extractor = provider instanceof Extractor e ? e : new RulesExtractor(at, tenant.zoneId());
    SchemaCheck schema = schemas.computeIfAbsent(tenant.id(),
        id -> new SchemaCheck(new ObjectMapper().valueToTree(tenant.extractionSchema())));
    ExtractionFlow.run(extractor, schema, request.text())
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

  /** What a turn makes of a text, for operators and tests: the guard, the intent and the fields. */
  private void classify(Message<ClassifyRequest> message) {
    ClassifyRequest request = message.body();
    TenantConfig tenant = directory.tenant(request.tenantId()).orElse(null);
    if (tenant == null) {
      message.fail(FailureCode.NOT_FOUND.code(), "no tenant " + request.tenantId());
      return;
    }
    Clock at = clockAt(request.now());
    if (at == null) {
      message.fail(FailureCode.BAD_PAYLOAD.code(), "now must be an ISO-8601 date-time with an offset");
      return;
    }
    String guard = InjectionGuard.reason(request.text()) == null ? null : "input";
    IntentClassifier.Classification c = intents.forTenant(tenant).classify(request.text());
    String fields = BrazilianEntities.extract(request.text(), LocalDate.ofInstant(at.instant(), tenant.zoneId()))
        .toString();
    message.reply(new ClassifyReply(c.intent(), c.confidence(), c.clarify(), fields, guard));
  }

  /** The clock relative dates resolve against: fixed at {@code now} when given, the engine's clock otherwise. */
  private Clock clockAt(String now) {
    if (now == null || now.isBlank()) {
      return clock;
    }
    try {
      return Clock.fixed(OffsetDateTime.parse(now).toInstant(), ZoneId.of("UTC"));
    } catch (DateTimeParseException e) {
      return null;
    }
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
