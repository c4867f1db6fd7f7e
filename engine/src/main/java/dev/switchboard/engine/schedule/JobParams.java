package dev.switchboard.engine.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a job's parameters when a schedule is defined, so a mistake is a 400 (or a start-up error for a configured
 * schedule) with the reason, not a FAILED run at 08:00. Returns the parameters with defaults filled in.
 *
 * <ul>
 *   <li>{@code follow-up}: {@code quietMinutes} (required, 1..10080), {@code maxFollowUps} (1..10, default 1),
 *       {@code text} (default: the tenant's {@code followUp} template), {@code whatsappTemplate} and
 *       {@code whatsappTemplateLanguage} (default pt_BR) for outside WhatsApp's 24-hour window.</li>
 *   <li>{@code report}: {@code period} (today, yesterday, last-7-days, last-30-days, last-month, month-to-date),
 *       {@code formats} (csv, xlsx, pdf; default all three), {@code recipients} (e-mail addresses),
 *       {@code smtp} (the id of one of the tenant's smtp integrations), {@code subject} (optional).</li>
 *   <li>{@code rollup}: {@code days} (1..62, default 2: the day of the run and the day before).</li>
 * </ul>
 */
public final class JobParams {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+$");
  private static final List<String> FORMATS = List.of("csv", "xlsx", "pdf");

  private JobParams() {
  }

  /**
   * @param smtpIntegrations the tenant's smtp integration ids
   * @param followUpTemplate the tenant's {@code followUp} template text, or null
   */
  public static Map<String, Object> check(ScheduleJob job, Map<String, Object> params, Set<String> smtpIntegrations,
                                          String followUpTemplate) {
    Map<String, Object> p = new LinkedHashMap<>(params == null ? Map.of() : params);
    switch (job) {
      case FOLLOW_UP -> {
        p.put("quietMinutes", integer(p, "quietMinutes", null, 1, 10_080));
        p.put("maxFollowUps", integer(p, "maxFollowUps", 1, 1, 10));
        Object text = p.getOrDefault("text", followUpTemplate);
        if (!(text instanceof String t) || t.isBlank()) {
          throw new IllegalArgumentException("follow-up needs params.text or a followUp template for the tenant");
        }
        p.put("text", text);
        if (p.get("whatsappTemplate") != null && !(p.get("whatsappTemplate") instanceof String)) {
          throw new IllegalArgumentException("params.whatsappTemplate must be the name of an approved template");
        }
        if (p.get("whatsappTemplate") != null) {
          p.putIfAbsent("whatsappTemplateLanguage", "pt_BR");
        }
      }
      case REPORT -> {
        Object period = p.get("period");
        if (!(period instanceof String s) || ReportPeriod.fromWire(s).isEmpty()) {
          throw new IllegalArgumentException("params.period must be one of today, yesterday, last-7-days, "
              + "last-30-days, last-month, month-to-date");
        }
        List<String> formats = strings(p.getOrDefault("formats", FORMATS), "formats");
        if (formats.isEmpty() || !FORMATS.containsAll(formats)) {
          throw new IllegalArgumentException("params.formats must be a non-empty list of csv, xlsx, pdf");
        }
        p.put("formats", formats);
        List<String> recipients = strings(p.get("recipients"), "recipients");
        if (recipients.isEmpty() || recipients.size() > 50 || !recipients.stream().allMatch(r -> EMAIL.matcher(r).matches())) {
          throw new IllegalArgumentException("params.recipients must be 1 to 50 e-mail addresses");
        }
        p.put("recipients", recipients);
        if (!(p.get("smtp") instanceof String smtp) || !smtpIntegrations.contains(smtp)) {
          throw new IllegalArgumentException("params.smtp must name one of the tenant's smtp integrations "
              + smtpIntegrations);
        }
      }
      case ROLLUP -> p.put("days", integer(p, "days", 2, 1, 62));
      default -> throw new IllegalArgumentException("unknown job " + job);
    }
    return p;
  }

  private static int integer(Map<String, Object> p, String name, Integer fallback, int min, int max) {
    Object v = p.get(name);
    if (v == null && fallback != null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < min
        || n.intValue() > max) {
      throw new IllegalArgumentException("params." + name + " must be a whole number from " + min + " to " + max);
    }
    return n.intValue();
  }

  private static List<String> strings(Object value, String name) {
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new IllegalArgumentException("params." + name + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add((String) v));
    return out;
  }
}
