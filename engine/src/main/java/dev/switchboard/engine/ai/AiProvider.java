package dev.switchboard.engine.ai;

import dev.switchboard.engine.bus.AiReply;
import dev.switchboard.engine.bus.AiRequest;
import io.vertx.core.Future;

/**
 * The AI provider SPI: one turn in, an intent and a reply out. Implementations must not block the calling
 * thread (an HTTP provider uses an async client; a blocking SDK runs on a worker).
 */
public interface AiProvider {

  /** The name tenants select it by in config ({@code rules}, {@code openai}, ...). */
  String name();

  Future<AiReply> reply(AiRequest request);
}
