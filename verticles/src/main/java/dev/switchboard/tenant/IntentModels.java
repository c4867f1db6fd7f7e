package dev.switchboard.tenant;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.ai.intent.IntentClassifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tenant's offline intent classifier, shared by the session (hand-off and opt-out decisions) and the AI
 * verticle (replies). Training takes a few hundred milliseconds, so it runs on worker threads: the built-in model
 * and the models of tenants with their own phrases before the verticles start; after a reload that changed a
 * tenant's phrases, the tenant is served by the built-in model until its own is ready. Tenants with the same
 * phrases share one model.
 */
public final class IntentModels {
  private static final Logger LOG = LoggerFactory.getLogger(IntentModels.class);
  private final Vertx vertx;
  private final IntentClassifier builtIn;
  private final Map<Map<String, List<String>>, IntentClassifier> byExamples = new ConcurrentHashMap<>();
  private final Set<Map<String, List<String>>> training = ConcurrentHashMap.newKeySet();

  private IntentModels(Vertx vertx, IntentClassifier builtIn) {
    this.vertx = vertx;
    this.builtIn = builtIn;
  }

  public static Future<IntentModels> train(Vertx vertx, Collection<TenantConfig> tenants) {
    return vertx.executeBlocking(() -> {
      long started = System.nanoTime();
      IntentModels models = new IntentModels(vertx, IntentClassifier.builtIn());
      for (TenantConfig tenant : tenants) {
        if (!tenant.intents().isEmpty()) {
          models.byExamples.computeIfAbsent(tenant.intents(), IntentClassifier::withTenantExamples);
        }
      }
      LOG.info("intent models trained models={} ms={}", 1 + models.byExamples.size(),
          (System.nanoTime() - started) / 1_000_000);
      return models;
    }, false);
  }

  public IntentClassifier forTenant(TenantConfig tenant) {
    if (tenant.intents().isEmpty()) {
      return builtIn;
    }
    IntentClassifier own = byExamples.get(tenant.intents());
    if (own != null) {
      return own;
    }
    Map<String, List<String>> examples = tenant.intents();
    if (training.add(examples)) {
      vertx.executeBlocking(() -> IntentClassifier.withTenantExamples(examples), false)
          .onComplete(ar -> {
            training.remove(examples);
            if (ar.succeeded()) {
              byExamples.put(examples, ar.result());
            } else {
              LOG.warn("intent model training failed tenant={} cause={}", tenant.id(), ar.cause().toString());
            }
          });
    }
    return builtIn;
  }
}
