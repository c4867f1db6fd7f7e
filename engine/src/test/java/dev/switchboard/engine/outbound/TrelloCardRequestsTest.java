package dev.switchboard.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.trello.TrelloRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pipeline's card: its own list, labels, due date, and the ref a resend finds it by. */
class TrelloCardRequestsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aCardWithRefCarriesItOnItsLastDescriptionLineAndIsFoundByIt() throws Exception {
    var card = new OutboundPayload.TrelloCard("Ar pingando", "Telefone: 11 98765-4321", "64a1b2c3d4e5f60718293a4c",
        List.of("l1", "l2"), "2026-12-11T15:00:00Z", "sb-0123456789abcdef");
    JsonNode body = MAPPER.readTree(TrelloRequests.createCard("64a1b2c3d4e5f60718293a4b", card));
    assertThat(body.path("idList").asText()).isEqualTo("64a1b2c3d4e5f60718293a4c");
    assertThat(body.path("idLabels").asText()).isEqualTo("l1,l2");
    assertThat(body.path("due").asText()).isEqualTo("2026-12-11T15:00:00Z");
    assertThat(body.path("desc").asText()).isEqualTo("Telefone: 11 98765-4321\n\nref: sb-0123456789abcdef");
    String list = "[{\"id\":\"c1\",\"desc\":\"outro\"},{\"id\":\"c2\",\"desc\":" + body.path("desc").toString() + "}]";
    assertThat(TrelloRequests.findCard(list, "sb-0123456789abcdef")).isEqualTo("c2");
    assertThat(TrelloRequests.findCard(list, "sb-ffffffffffffffff")).isNull();
    assertThat(TrelloRequests.findCard("invalid key", "sb-0123456789abcdef")).isNull();
    assertThat(TrelloRequests.listCardsPath("64a1b2c3d4e5f60718293a4c", "k", "t"))
        .isEqualTo("/1/lists/64a1b2c3d4e5f60718293a4c/cards?fields=id,desc&key=k&token=t");
  }

  @Test
  void aPlainCardIsUnchanged() throws Exception {
    JsonNode body = MAPPER.readTree(TrelloRequests.createCard("64a1b2c3d4e5f60718293a4b",
        new OutboundPayload.TrelloCard("Visita", "Limpeza")));
    assertThat(body.path("idList").asText()).isEqualTo("64a1b2c3d4e5f60718293a4b");
    assertThat(body.path("desc").asText()).isEqualTo("Limpeza");
    assertThat(body.has("idLabels")).isFalse();
    assertThat(body.has("due")).isFalse();
  }
}
