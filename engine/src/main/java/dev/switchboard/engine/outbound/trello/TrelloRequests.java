package dev.switchboard.engine.outbound.trello;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.nio.charset.StandardCharsets;

/**
 * Trello create card (FORMATS.md §5): {@code POST /1/cards}; the key and token go in the query string as Trello
 * requires, the card fields as a JSON body (Trello accepts either).
 */
public final class TrelloRequests {
  private TrelloRequests() {
  }

  public static String path(String key, String token) {
    return "/1/cards?key=" + key + "&token=" + token;
  }

  public static byte[] createCard(String listId, OutboundPayload.TrelloCard card) {
    ObjectNode root = JsonNodeFactory.instance.objectNode().put("idList", listId).put("name", card.name())
        .put("pos", "bottom");
    if (card.description() != null) {
      root.put("desc", card.description());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
