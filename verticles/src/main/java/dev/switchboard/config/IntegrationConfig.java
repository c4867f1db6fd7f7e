package dev.switchboard.config;

import java.util.Objects;

/**
 * An outbound-only integration of a tenant: {@code trello} (key, token, listId), {@code calcom} (apiKey),
 * {@code smtp} (host, port, username, password, from, startTls, or ssl for implicit TLS as on port 465),
 * {@code calendar} (the sandbox calendar of the booking dialogue; calcom's {@code signingSecret} verifies its webhooks),
 * {@code webhook} (url, signingSecret). Actions addressed to its {@code id} go through the same outbox lifecycle
 * as replies.
 */
public record IntegrationConfig(String id, SenderKind type, String baseUrl, String key, String token, String listId,
                                String apiKey, String host, int port, String username, String password, String from,
                                boolean startTls, boolean ssl, String url, String signingSecret) {
  public IntegrationConfig {
    Objects.requireNonNull(id, "integration id");
    Objects.requireNonNull(type, "integration type of " + id);
    if (!SenderKind.INTEGRATIONS.contains(type)) {
      throw new IllegalArgumentException("integration " + id + ": type must be one of trello, calcom, smtp, webhook, calendar");
    }
    port = port <= 0 ? 587 : port;
  }
}
