package dev.switchboard.engine.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step texts are Mustache templates (JMustache): {@code {{subject}}}, {@code {{text}}}, {@code {{from}}},
 * {@code {{fromName}}}, {@code {{integrationId}}}, each extracted field by name ({@code {{phone}}}), the same under
 * {@code {{fields.phone}}}, and {@code {{#attachments}}{{name}} ({{size}} bytes){{/attachments}}}. No HTML
 * escaping (the outputs are plain text); a missing field renders empty.
 */
public final class StepTemplates {
  private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).defaultValue("");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_MAX = 2_000;

  private StepTemplates() {
  }

  /** Fails with the reason when {@code template} is not valid Mustache (checked when the configuration loads). */
  public static void check(String template) {
    try {
      COMPILER.compile(template);
    } catch (MustacheException e) {
      throw new IllegalArgumentException("template is not valid Mustache: " + e.getMessage());
    }
  }

  public static String render(String template, Map<String, Object> context) {
    if (template == null) {
      return null;
    }
    if (CACHE.size() > CACHE_MAX) {
      CACHE.clear();
    }
    return CACHE.computeIfAbsent(template, COMPILER::compile).execute(context);
  }

  /** The values a template sees for one record. */
  public static Map<String, Object> context(IntegrationRecord record) {
    MailSource mail = MailSource.parse(record.source());
    Map<String, Object> fields = fields(record.data());
    Map<String, Object> context = new HashMap<>(fields);
    context.put("fields", fields);
    context.put("subject", mail.subject());
    context.put("text", mail.text());
    context.put("from", mail.from() == null ? "" : mail.from());
    context.put("fromName", mail.fromName() == null ? (mail.from() == null ? "" : mail.from()) : mail.fromName());
    context.put("attachments", mail.attachments() == null ? List.of() : mail.attachments());
    context.put("integrationId", record.id());
    return context;
  }

  /** The extracted fields as a map (empty when none). */
  public static Map<String, Object> fields(String data) {
    if (data == null || data.isBlank()) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(data, new TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (Exception e) {
      return Map.of();
    }
  }
}
