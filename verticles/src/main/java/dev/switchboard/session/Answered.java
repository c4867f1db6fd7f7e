package dev.switchboard.session;

/** The bot's answer to a turn: {@code text} null for silence; {@code fallback} when the AI failed. */
record Answered(String text, boolean fallback) {
}
