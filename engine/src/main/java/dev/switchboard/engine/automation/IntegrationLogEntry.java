package dev.switchboard.engine.automation;

import java.time.Instant;

/**
 * One line of an integration's log: which step (index and type), which attempt, when, the outcome ({@code ok},
 * {@code failed}, {@code requires_review}, {@code resolved}, {@code retry}, {@code unparseable}, {@code no_rule}),
 * the error class or reason when it failed, and the external id it produced (a Trello card id, a Telegram message
 * id). Never message text or contact data.
 */
public record IntegrationLogEntry(int step, String stepType, int attempt, Instant at, String outcome,
                                  String error, String externalId) {
}
