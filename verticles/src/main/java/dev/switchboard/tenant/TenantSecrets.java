package dev.switchboard.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The secret values of a tenant's configuration (channel and integration credentials, the LLM key), found by field
 * name anywhere in the tree: sealed before storage, opened when the directory is built, masked in API answers.
 */
public final class TenantSecrets {
  static final Set<String> FIELDS = Set.of("appSecret", "verifyToken", "accessToken", "botToken", "secretToken",
      "signingSecret", "key", "token", "apiKey", "password");
  public static final String MASK = "***";

  private TenantSecrets() {
  }

  public static JsonNode seal(JsonNode tenant, SecretBox box, String tenantId) {
    return map(tenant.deepCopy(), v -> v.startsWith(SecretBox.PREFIX) ? v : box.seal(v, tenantId));
  }

  public static JsonNode open(JsonNode tenant, SecretBox box, String tenantId) {
    return map(tenant.deepCopy(), v -> v.startsWith(SecretBox.PREFIX) ? box.open(v, tenantId) : v);
  }

  public static JsonNode mask(JsonNode tenant) {
    return map(tenant.deepCopy(), v -> MASK);
  }

  /** Whether the tenant has a secret value anywhere. */
  public static boolean hasSecrets(JsonNode tenant) {
    boolean[] found = {false};
    map(tenant.deepCopy(), v -> {
      found[0] = true;
      return v;
    });
    return found[0];
  }

  private static JsonNode map(JsonNode node, UnaryOperator<String> change) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
          field.setValue(object.textNode(change.apply(field.getValue().asText())));
        } else {
          map(field.getValue(), change);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> map(element, change));
    }
    return node;
  }
}
