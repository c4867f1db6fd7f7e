package dev.switchboard.engine.report;

import java.time.Instant;
import java.util.List;

/**
 * What a tenant's conversations did in a time range, as the roll-up reads it from storage: messages (no text),
 * state changes, and outbox actions. No personal data: a conversation is its key, a channel or integration its id.
 */
public record ActivityFacts(List<MessageFact> messages, List<TransitionFact> transitions, List<ActionFact> actions) {
  public ActivityFacts {
    messages = List.copyOf(messages);
    transitions = List.copyOf(transitions);
    actions = List.copyOf(actions);
  }

  /** A message in ({@code inbound}) or out of a conversation on a channel. */
  public record MessageFact(String conversationKey, String channelId, boolean inbound, Instant at) {
  }

  /** A state change (or an audited event such as an AI fallback) named by its trigger, with the state it led to. */
  public record TransitionFact(String conversationKey, String channelId, String toState, String trigger, Instant at) {
  }

  /**
   * An outbox command created in the range: {@code target} is the channel or integration it goes to,
   * {@code integration} whether that is an integration (Trello, e-mail, webhook, Cal.com) rather than a reply.
   */
  public record ActionFact(String target, boolean integration, String status, Instant at) {
  }
}
