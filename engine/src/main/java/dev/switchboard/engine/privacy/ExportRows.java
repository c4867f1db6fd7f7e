package dev.switchboard.engine.privacy;

import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.bus.Json;
import dev.switchboard.engine.conversation.AuditEntry;
import dev.switchboard.engine.conversation.Conversation;
import dev.switchboard.engine.conversation.Turn;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.store.ActionAudit;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One shape per kind of record in an export, whichever store it came from. */
public final class ExportRows {
  private ExportRows() {
  }

  public static JsonObject conversation(Conversation c) {
    return new JsonObject().put("key", c.key().asString()).put("channel", c.key().channelId())
        .put("contact", c.key().contactId()).put("replyTo", c.replyTo()).put("state", c.state().name())
        .put("optedOut", c.optedOut()).put("flag", c.flag()).put("createdAt", text(c.createdAt()))
        .put("lastInboundAt", text(c.lastInboundAt())).put("lastActivityAt", text(c.lastActivityAt()));
  }

  public static JsonObject message(ConversationKey key, Turn t) {
    return new JsonObject().put("conversation", key.asString()).put("direction", t.direction().name())
        .put("text", t.text()).put("eventId", t.eventId()).put("at", text(t.at()));
  }

  public static JsonObject audit(AuditEntry a) {
    return new JsonObject().put("conversation", a.key().asString()).put("from", a.from().name())
        .put("to", a.to().name()).put("trigger", a.trigger().name()).put("actor", a.actor()).put("at", text(a.at()));
  }

  public static JsonObject action(ActionAudit a) {
    return new JsonObject().put("action", a.action()).put("subject", a.subject()).put("actor", a.actor())
        .put("at", text(a.at()));
  }

  /** An outbox command or an inbox event: the engine's own record as stored. */
  public static JsonObject record(Object record) {
    return new JsonObject(Json.write(record));
  }

  public static JsonObject inbox(String dedupeKey, JsonObject event, Instant receivedAt, boolean processed) {
    return new JsonObject().put("dedupeKey", dedupeKey).put("event", event).put("receivedAt", text(receivedAt))
        .put("processed", processed);
  }

  /** An integration record: the mail as received, the fields extracted from it, and what its steps did. */
  public static JsonObject integration(IntegrationRecord r) {
    JsonArray log = new JsonArray();
    r.log().forEach(e -> log.add(new JsonObject().put("step", e.step()).put("stepType", e.stepType())
        .put("attempt", e.attempt()).put("at", text(e.at())).put("outcome", e.outcome()).put("error", e.error())
        .put("externalId", e.externalId())));
    return new JsonObject().put("id", r.id()).put("mailbox", r.channelId()).put("status", r.status().name())
        .put("createdAt", text(r.createdAt())).put("rule", r.ruleId()).put("contact", r.contact())
        .put("mail", json(r.source())).put("data", json(r.data())).put("errors", new JsonArray(r.errors()))
        .put("log", log);
  }

  /** A stored JSON object as JSON, or as the text it is when it is not one. */
  private static Object json(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return new JsonObject(stored);
    } catch (DecodeException notJson) {
      return stored;
    }
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
