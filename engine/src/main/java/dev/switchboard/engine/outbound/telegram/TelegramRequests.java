package dev.switchboard.engine.outbound.telegram;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.outbound.OutboundPayload;
import java.nio.charset.StandardCharsets;

/** Telegram Bot API requests (FORMATS.md §3). */
public final class TelegramRequests {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TelegramRequests() {
  }

  public static String path(String botToken, String method) {
    return "/bot" + botToken + "/" + method;
  }

  public static byte[] sendMessage(String chatId, OutboundPayload payload) {
    ObjectNode root = JSON.objectNode();
    putChatId(root, chatId);
    if (payload instanceof OutboundPayload.Text text) {
      root.put("text", text.body());
      if (text.contextMessageId() != null && text.contextMessageId().matches("\\d+")) {
        root.putObject("reply_parameters").put("message_id", Long.parseLong(text.contextMessageId()));
      }
    } else if (payload instanceof OutboundPayload.Buttons b) {
      root.put("text", b.body());
      var row = root.putObject("reply_markup").putArray("inline_keyboard").addArray();
      b.buttons().forEach(x -> row.addObject().put("text", x.title()).put("callback_data", x.id()));
    } else {
      throw new IllegalArgumentException("unsupported payload " + payload.getClass().getSimpleName());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The Bot API method and body for a payload. */
  public static String method(OutboundPayload payload) {
    return payload instanceof OutboundPayload.CallbackAnswer ? "answerCallbackQuery" : "sendMessage";
  }

  public static byte[] body(String chatId, OutboundPayload payload) {
    return payload instanceof OutboundPayload.CallbackAnswer a ? answerCallbackQuery(a.callbackQueryId(), a.text())
        : sendMessage(chatId, payload);
  }

  public static byte[] answerCallbackQuery(String callbackQueryId, String text) {
    ObjectNode root = JSON.objectNode().put("callback_query_id", callbackQueryId);
    if (text != null) {
      root.put("text", text);
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Chat ids are 64-bit integers (negative for groups); anything else (e.g. @channel) goes as text. */
  private static void putChatId(ObjectNode root, String chatId) {
    try {
      root.put("chat_id", Long.parseLong(chatId));
    } catch (NumberFormatException e) {
      root.put("chat_id", chatId);
    }
  }
}
