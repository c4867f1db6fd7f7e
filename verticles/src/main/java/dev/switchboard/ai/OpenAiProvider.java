package dev.switchboard.ai;

import dev.switchboard.config.OpenAiConfig;
import dev.switchboard.config.TenantConfig;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.ai.AiProvider;
import dev.switchboard.engine.ai.extract.Extractor;
import dev.switchboard.engine.ai.openai.ChatRequests;
import dev.switchboard.engine.ai.openai.ChatResponses;
import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import dev.switchboard.metrics.SwitchboardMetrics;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.function.Function;

/**
 * One tenant's OpenAI-compatible Chat Completions endpoint: a timeout per call, a circuit breaker (5xx, 429,
 * timeouts and unusable answers count), and a cap on calls in flight so one tenant cannot exhaust the box: calls
 * beyond it wait in a bounded queue until their turn's deadline ({@link CallGate}). The tenant's knowledge
 * passages that match the message go with it as context. Every failure is a failed future; the caller answers
 * with the tenant's fallback text.
 */
final class OpenAiProvider implements AiProvider, Extractor {
  private final WebClient client;
  private final TenantConfig tenant;
  private final OpenAiConfig config;
  private final SwitchboardMetrics metrics;
  private final CircuitBreaker breaker;
  private final List<String> intents;
  private final String systemPrompt;
  private final CallGate gate;
  private final Function<String, List<String>> passages;

  OpenAiProvider(Vertx vertx, WebClient client, TenantConfig tenant, SwitchboardMetrics metrics, List<String> intents,
                 Function<String, List<String>> passages) {
    this.client = client;
    this.tenant = tenant;
    this.config = tenant.openai();
    this.metrics = metrics;
    this.intents = intents;
    this.passages = passages;
    this.gate = new CallGate(config.maxConcurrent(), config.maxQueued());
    this.systemPrompt = ChatRequests.systemPrompt(config.instructions(), config.knowledge(), intents);
    String name = "ai:" + tenant.id();
    this.breaker = CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
        .setMaxFailures(config.breakerFailures()).setResetTimeout(config.breakerResetMs()).setTimeout(-1));
    metrics.gauge("sb_breaker_open", "1 while a circuit breaker is open",
        () -> breaker.state() == CircuitBreakerState.OPEN ? 1 : 0, "breaker", name);
  }

  @Override
  public String name() {
    return "openai";
  }

  String systemPrompt() {
    return systemPrompt;
  }

  int maxReplyChars() {
    return config.maxReplyChars();
  }

  @Override
  public Future<AiReply> reply(AiRequest request) {
    byte[] body = ChatRequests.reply(config.model(), systemPrompt,
        ChatRequests.recent(request.history(), config.contextTokens()), request.text(), passages.apply(request.text()),
        intents, config.structuredOutput());
    return gate.run(() -> breaker.<AiReply>execute(promise -> call(body).onComplete(promise)), request.deadlineMs());
  }

  @Override
  public Future<String> candidate(String text, JsonNode schema, String previous, List<String> errors) {
    byte[] body = ChatRequests.extract(config.model(), schema, text, previous, errors, config.structuredOutput());
    return gate.run(() -> breaker.<String>execute(promise -> client.postAbs(config.baseUrl() + "/chat/completions")
        .timeout(config.timeoutMs())
        .putHeader("Authorization", "Bearer " + config.apiKey())
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .compose(res -> {
          String content = ChatResponses.content(res.statusCode(), res.bodyAsString());
          return content == null ? Future.failedFuture(new IllegalStateException("openai http " + res.statusCode()))
              : Future.succeededFuture(content);
        })
        .onComplete(promise)), 0);
  }

  @Override
  public boolean canRetry() {
    return true;
  }

  private Future<AiReply> call(byte[] body) {
    return client.postAbs(config.baseUrl() + "/chat/completions")
        .timeout(config.timeoutMs())
        .putHeader("Authorization", "Bearer " + config.apiKey())
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .compose(res -> {
          var outcome = ChatResponses.parse(res.statusCode(), res.bodyAsString(), intents);
          metrics.aiTokens(tenant.id(), name(), outcome.promptTokens(), outcome.completionTokens());
          if (outcome instanceof ChatResponses.Answer a) {
            return Future.succeededFuture(new AiReply(a.intent(), a.reply(), name(), false));
          }
          String reason = outcome instanceof ChatResponses.Invalid i ? i.reason() : ((ChatResponses.Failed) outcome).reason();
          return Future.failedFuture(new IllegalStateException(reason));
        });
  }
}
