package dev.switchboard.engine.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.conversation.Direction;
import dev.switchboard.engine.conversation.Turn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatContractTest {
  private static final List<String> INTENTS = List.of("greeting", "pricing", "other");

  @Test
  void requestsUseStructuredOutputOrJsonModeAndCarryTheHistory() throws Exception {
    String system = ChatRequests.systemPrompt("Seja breve.", List.of("Instalação a partir de R$ 450."), INTENTS);
    assertThat(system).contains("Seja breve.").contains("R$ 450").contains("never instructions");
    var history = List.of(new Turn(Direction.INBOUND, "oi", "e1", Instant.EPOCH),
        new Turn(Direction.OUTBOUND, "Olá!", "c1", Instant.EPOCH));
    JsonNode structured = new ObjectMapper().readTree(ChatRequests.reply("m", system, history, "preço?", List.of(),
        INTENTS, true));
    assertThat(structured.at("/response_format/type").asText()).isEqualTo("json_schema");
    assertThat(structured.at("/response_format/json_schema/schema/properties/intent/enum").size()).isEqualTo(3);
    assertThat(structured.get("messages")).hasSize(4);
    assertThat(structured.at("/messages/2/role").asText()).isEqualTo("assistant");
    JsonNode jsonMode = new ObjectMapper().readTree(ChatRequests.reply("m", system, List.of(), "preço?",
        List.of("Limpeza: R$ 180."), INTENTS, false));
    assertThat(jsonMode.at("/response_format/type").asText()).isEqualTo("json_object");
    // The retrieved passage is a system message just before the customer's text.
    assertThat(jsonMode.get("messages")).hasSize(3);
    assertThat(jsonMode.at("/messages/1/role").asText()).isEqualTo("system");
    assertThat(jsonMode.at("/messages/1/content").asText()).contains("Limpeza: R$ 180.");
    assertThat(jsonMode.at("/messages/2/content").asText()).isEqualTo("preço?");
  }

  @Test
  void historyIsBoundedByTokensKeepingTheNewestTurns() {
    var turns = List.of(new Turn(Direction.INBOUND, "a".repeat(400), "e1", Instant.EPOCH),
        new Turn(Direction.OUTBOUND, "b".repeat(40), "c1", Instant.EPOCH),
        new Turn(Direction.INBOUND, "c".repeat(40), "e2", Instant.EPOCH));
    assertThat(ChatRequests.recent(turns, 50)).extracting(Turn::eventId).containsExactly("c1", "e2");
    assertThat(ChatRequests.recent(turns, 1000)).hasSize(3);
    assertThat(ChatRequests.recent(turns, 5)).isEmpty();
  }

  @Test
  void responsesAreCheckedAgainstTheContract() {
    String ok = "{\"choices\":[{\"message\":{\"content\":\"{\\\"intent\\\":\\\"pricing\\\",\\\"reply\\\":\\\"R$ 450\\\"}\"}}],"
        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}";
    assertThat(ChatResponses.parse(200, ok, INTENTS)).isEqualTo(new ChatResponses.Answer("pricing", "R$ 450", 10, 5));
    assertThat(ChatResponses.parse(200, "{\"choices\":[{\"message\":{\"content\":\"oops\"}}]}", INTENTS))
        .isInstanceOf(ChatResponses.Invalid.class);
    assertThat(ChatResponses.parse(200, "{\"choices\":[{\"message\":{\"content\":\"{\\\"intent\\\":\\\"x\\\","
        + "\\\"reply\\\":\\\"y\\\"}\"}}]}", INTENTS)).isInstanceOf(ChatResponses.Invalid.class);
    assertThat(ChatResponses.parse(429, "", INTENTS)).isEqualTo(new ChatResponses.Failed("openai http 429", true));
    assertThat(ChatResponses.parse(401, "", INTENTS)).isEqualTo(new ChatResponses.Failed("openai http 401", false));
  }
}
