package dev.switchboard.config;

import java.util.List;

/**
 * A tenant's OpenAI-compatible endpoint (OpenAI, Gemini's compatible endpoint, Ollama, vLLM, llama.cpp server).
 * {@code apiKey} should be a {@code ${ENV}} reference. {@code structuredOutput}: the endpoint supports
 * {@code response_format: json_schema}; otherwise JSON mode plus instructions. {@code contextTokens} bounds the
 * conversation history sent with each turn (estimated at four characters a token, newest turns kept).
 * {@code maxConcurrent} calls run at once; up to {@code maxQueued} more wait their turn (each at most until its
 * turn's deadline) instead of failing.
 */
public record OpenAiConfig(String baseUrl, String model, String apiKey, Boolean structuredOutput, long timeoutMs,
                           int maxConcurrent, String instructions, List<String> knowledge, int maxReplyChars,
                           int breakerFailures, long breakerResetMs, int contextTokens, int maxQueued) {
  public OpenAiConfig {
    baseUrl = baseUrl == null ? "https://api.openai.com/v1" : baseUrl;
    model = model == null ? "gpt-4o-mini" : model;
    structuredOutput = structuredOutput == null || structuredOutput;
    timeoutMs = timeoutMs <= 0 ? 6000 : timeoutMs;
    maxConcurrent = maxConcurrent <= 0 ? 16 : maxConcurrent;
    knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
    maxReplyChars = maxReplyChars <= 0 ? 1000 : maxReplyChars;
    breakerFailures = breakerFailures <= 0 ? 5 : breakerFailures;
    breakerResetMs = breakerResetMs <= 0 ? 30_000 : breakerResetMs;
    contextTokens = contextTokens <= 0 ? 1500 : contextTokens;
    maxQueued = maxQueued <= 0 ? 512 : maxQueued;
  }
}
