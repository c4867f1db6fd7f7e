package dev.switchboard.engine.channel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/** Parses a webhook body with limits: valid JSON, an object at the root, nothing after it, bounded nesting. */
public final class Payloads {
  private static final ConcurrentHashMap<Integer, ObjectMapper> BY_DEPTH = new ConcurrentHashMap<>();

  private Payloads() {
  }

  public static JsonNode parse(byte[] body, int maxDepth) {
    ObjectMapper mapper = BY_DEPTH.computeIfAbsent(maxDepth, d -> new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(d).build()).build()));
    if (body.length == 0) {
      throw new PayloadException("body is empty");
    }
    try (JsonParser parser = mapper.createParser(body)) {
      JsonNode root = mapper.readTree(parser);
      if (root == null || !root.isObject()) {
        throw new PayloadException("JSON root must be an object");
      }
      if (parser.nextToken() != null) {
        throw new PayloadException("body has content after the JSON object");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new PayloadException("JSON nested deeper than " + maxDepth + " levels");
    } catch (IOException e) {
      throw new PayloadException("body is not valid JSON");
    }
  }

  /** A required text field; its absence is a shape error naming the field (never its value). */
  static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode() || value.asText().isEmpty()) {
      throw new PayloadException(where + "." + field + " is missing");
    }
    return value.asText();
  }

  /** An optional text field, null when absent. */
  static String optText(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  /** A required array (possibly empty). */
  static JsonNode array(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new PayloadException(where + "." + field + " must be an array (wrong shape)");
    }
    return value;
  }

}
