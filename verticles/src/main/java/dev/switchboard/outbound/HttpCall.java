package dev.switchboard.outbound;

import dev.switchboard.engine.bus.Correlation;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.SendResult;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.function.Function;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The part every HTTP sender shares: POST JSON with a timeout, the idempotency key and correlation id headers, and
 * a connection error or timeout as a transient failure.
 */
final class HttpCall {
  private static final int CONNECTIONS_PER_HOST = 64;
  private final WebClient client;
  private final long timeoutMs;

  /**
   * The senders' client. Vert.x's default is 5 connections per host: with thousands of conversations sending at
   * once, requests queued for a connection ran into their own timeout and came back as retries.
   */
  static WebClient client(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
        .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_HOST)
        .setHttp2MaxSize(CONNECTIONS_PER_HOST / 8));
  }

  HttpCall(WebClient client, long timeoutMs) {
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  /** A GET with the same timeout; the caller classifies the response. */
  Future<HttpResponse<Buffer>> get(String url, Function<HttpRequest<Buffer>, HttpRequest<Buffer>> headers) {
    return headers.apply(client.getAbs(url).timeout(timeoutMs)).send();
  }

  Future<SendResult> postJson(String url, OutboundCommand command, byte[] body,
                              Function<HttpRequest<Buffer>, HttpRequest<Buffer>> headers,
                              Function<HttpResponse<Buffer>, SendResult> classify, String provider) {
    HttpRequest<Buffer> request = client.postAbs(url)
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json")
        // Most providers ignore it; one (or an egress proxy) that honours idempotency keys can drop the resend
        // that follows a crash between its acceptance and our SENT record.
        .putHeader("Idempotency-Key", command.id())
        .putHeader(Correlation.HEADER, Correlation.orNone(command.correlationId()));
    return headers.apply(request).sendBuffer(Buffer.buffer(body))
        .map(classify)
        .otherwise(e -> new SendResult.Transient(provider + " " + e.getClass().getSimpleName(), null));
  }

  /**
   * A GET with the same headers and timeout; {@code read} gives the result, or null to say "nothing found" (the
   * caller goes on). A connection error or timeout is a transient failure.
   */
  Future<SendResult> get(String url, OutboundCommand command, Function<HttpResponse<Buffer>, SendResult> read,
                         String provider) {
    return client.getAbs(url).timeout(timeoutMs)
        .putHeader(Correlation.HEADER, Correlation.orNone(command.correlationId()))
        .send()
        .map(read)
        .otherwise(e -> new SendResult.Transient(provider + " " + e.getClass().getSimpleName(), null));
  }
}
