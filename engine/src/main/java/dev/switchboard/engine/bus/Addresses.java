package dev.switchboard.engine.bus;


import dev.switchboard.engine.event.StatusChanged;
/** Every event-bus address the engine uses. No address literals elsewhere. */
public final class Addresses {
  /** Edge → normalizer: a verified raw webhook ({@link RawWebhook}), replied with {@link IngestResult}. */
  public static final String NORMALIZE = "sb.normalize";
  /** AI requests ({@link AiRequest} → {@link AiReply}). */
  public static final String AI = "sb.ai.turn";
  /** AI extraction into the tenant's schema ({@link ExtractRequest} → Extraction). */
  public static final String AI_EXTRACT = "sb.ai.extract";
  /** Admin → AI, point to point: classify a text as a turn would. */
  public static final String AI_CLASSIFY = "sb.ai.classify";
  /** Published: a tenant's knowledge entries changed (every node rebuilds its index). */
  public static final String KNOWLEDGE_CHANGED = "sb.ai.knowledge.changed";
  /** Outbound: a command to send now ({@link SendCommand}). */
  public static final String OUTBOUND_SEND = "sb.outbound.send";
  /** Outbound: a provider delivery report ({@link StatusChanged}). */
  public static final String OUTBOUND_STATUS = "sb.outbound.status";
  /** Broadcast (publish) to every node: a conversation changed hands ({@link ConversationStateChanged}). */
  public static final String CONVERSATION_STATE = "sb.conversation.state";
  /** Broadcast (publish) to every node: read the configuration again ({@link ConfigReload}). */
  public static final String CONFIG_RELOAD = "sb.config.reload";
  /** Local: this node was assigned session-log partitions (conversations may have moved here from another node). */
  public static final String PARTITIONS_ASSIGNED = "sb.cluster.partitions.assigned";
  /** Run-now of a tenant schedule; every node serves it (the run lease keeps executions apart). */
  public static final String SCHEDULE_RUN_NOW = "sb.schedule.run-now";
  /** Broadcast (publish) to every node: a conversation's step was committed ({@link ConversationActivity}). */
  public static final String CONVERSATION_ACTIVITY = "sb.conversation.activity";
  /** Local: a calendar call (book, move, cancel) left the outbox as SENT or DEAD; the body is its command id. */
  public static final String BOOKING_SETTLED = "sb.booking.settled";
  private static final String NODE_REPLY_PREFIX = "sb.cluster.reply.";
  private static final String SESSION_PREFIX = "sb.session.";
  private static final String WEBCHAT_PREFIX = "sb.webchat.out.";

  private Addresses() {
  }

  /** The session shard that owns a conversation key. */
  public static String sessionShard(int shard) {
    return SESSION_PREFIX + shard;
  }

  /** Where one node receives the outcome of the session commands it put on the session log. */
  public static String nodeReplies(String nodeId) {
    return NODE_REPLY_PREFIX + nodeId;
  }

  /** Where replies for one webchat visitor are published; the edge's socket for that visitor listens. */
  public static String webchatOut(String channelId, String contactId) {
    return WEBCHAT_PREFIX + channelId + '.' + contactId;
  }
}
