package dev.switchboard.engine.outbound.trello;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.nio.charset.StandardCharsets;

/**
 * Trello create card (FORMATS.md §5): {@code POST /1/cards}; the key and token go in the query string as Trello
 * requires, the card fields as a JSON body (Trello accepts either). A card with a {@code ref} carries it on the last
 * line of its description, and {@code GET /1/lists/{id}/cards} finds it again (see {@link #findCard}).
 */
public final class TrelloRequests {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TrelloRequests() {
  }

  public static String path(String key, String token) {
    return "/1/cards?key=" + key + "&token=" + token;
  }

  /** The list's open cards, id and description only: where a resend looks for the card a lost answer created. */
  public static String listCardsPath(String listId, String key, String token) {
    return "/1/lists/" + listId + "/cards?fields=id,desc&key=" + key + "&token=" + token;
  }

  /** The list a card goes to: its own, else the integration's. */
  public static String listOf(String integrationList, OutboundPayload.TrelloCard card) {
    return card.listId() != null ? card.listId() : integrationList;
  }

  public static String marker(String ref) {
    return "ref: " + ref;
  }

  public static byte[] createCard(String listId, OutboundPayload.TrelloCard card) {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("idList", listOf(listId, card)).put("name", card.name())
        .put("pos", "bottom");
    String desc = card.description();
    if (card.ref() != null) {
      desc = (desc == null || desc.isBlank() ? "" : desc + "\n\n") + marker(card.ref());
    }
    if (desc != null) {
      root.put("desc", desc);
    }
    if (!card.labels().isEmpty()) {
      root.put("idLabels", String.join(",", card.labels()));
    }
    if (card.due() != null) {
      root.put("due", card.due());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The id of the card in a {@code GET /1/lists/{id}/cards} answer whose description ends with the ref, or null. */
  public static String findCard(String body, String ref) {
    try {
      JsonNode cards = MAPPER.readTree(body);
      for (JsonNode card : cards) {
        if (card.path("desc").asText("").strip().endsWith(marker(ref))) {
          return card.path("id").asText(null);
        }
      }
    } catch (Exception e) {
      return null;
    }
    return null;
  }
}
