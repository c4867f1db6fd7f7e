package dev.switchboard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Run by the build after the whole test suite (exec-maven-plugin, verify phase): fails when any log line written
 * during the tests contains a phone number, an e-mail address, a customer name or a message text — from the
 * fixtures, or shaped like the phone numbers the tests generate.
 */
public final class LogPrivacyCheck {
  private static final Pattern PHONE = Pattern.compile("(?<![\\w.:/-])\\+?55\\d{10,11}(?!\\d)");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[A-Za-z]{2,})+");
  private static final List<String> TEST_TEXTS = List.of("quero falar com um atendente", "quanto custa a instala",
      "tudo bem?", "oi de novo", "alguém aí", "Resposta interrompida", "mensagem a3",
      "Zuleica", "Quintanilha", "Tamboril", "jabuticabeira", "dipirona", "visitor-zuleica");

  private LogPrivacyCheck() {
  }

  public static void main(String[] args) throws IOException {
    Path logs = Path.of(args.length > 0 ? args[0] : "target/test-logs");
    Set<String> secrets = fixtureSecrets(Path.of(args.length > 1 ? args[1] : "../engine/src/test/resources/fixtures/inbound"));
    secrets.addAll(TEST_TEXTS);
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
      files = s.filter(p -> p.toString().endsWith(".log")).toList();
    }
    long lines = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        lines++;
        check(file, line, secrets, problems);
      }
    }
    if (lines == 0) {
      throw new IllegalStateException("no test log lines found under " + logs + ": the check would prove nothing");
    }
    if (!problems.isEmpty()) {
      problems.stream().limit(20).forEach(System.err::println);
      throw new IllegalStateException(problems.size() + " log line(s) carry personal data");
    }
    System.out.printf("log privacy: %d lines in %d files, no personal data%n", lines, files.size());
  }

  private static void check(Path file, String line, Set<String> secrets, List<String> problems) {
    for (String secret : secrets) {
      if (line.contains(secret)) {
        problems.add(file.getFileName() + ": fixture value found: " + abbreviate(line));
        return;
      }
    }
    Matcher phone = PHONE.matcher(line);
    Matcher email = EMAIL.matcher(line);
    if (phone.find() || email.find()) {
      problems.add(file.getFileName() + ": phone or e-mail found: " + abbreviate(line));
    }
  }

  /** Phone numbers, ids, names, e-mails and message texts of the inbound fixtures. */
  static Set<String> fixtureSecrets(Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> values = new LinkedHashSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("_")).toList();
    }
    for (Path f : files) {
      collect(mapper.readTree(f.toFile()), values);
    }
    return values;
  }

  private static void collect(JsonNode node, Set<String> values) {
    node.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      String key = e.getKey();
      if (v.isContainerNode()) {
        collect(v, values);
      } else if (Set.of("from", "wa_id", "recipient_id", "body", "caption", "text", "name", "first_name", "last_name",
          "username", "email", "phone", "address", "notes").contains(key) && v.asText().length() >= 6) {
        values.add(v.asText());
      } else if (key.equals("id") && v.asText().matches("-?\\d{9,}")) {
        values.add(v.asText()); // Telegram chat ids, Messenger/Instagram sender ids identify people
      }
    });
    if (node.isArray()) {
      node.forEach(n -> collect(n, values));
    }
  }

  private static String abbreviate(String line) {
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
