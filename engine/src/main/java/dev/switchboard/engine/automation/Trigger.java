package dev.switchboard.engine.automation;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * When a rule applies: mail from {@code channel} (a mailbox id) and, optionally, an {@code intent} of the offline
 * classifier or LLM, a {@code subject} pattern and a {@code sender} pattern (Java regular expressions, found anywhere,
 * case-insensitive).
 */
public record Trigger(String channel, String intent, String subject, String sender) {
  public Trigger {
    Objects.requireNonNull(channel, "trigger channel");
    compile(subject, "subject");
    compile(sender, "sender");
  }

  public boolean matches(String channelId, String mailSubject, String fromAddress, String mailIntent) {
    return channel.equals(channelId) && found(subject, mailSubject) && found(sender, fromAddress)
        && (intent == null || intent.equalsIgnoreCase(mailIntent));
  }

  private static boolean found(String pattern, String value) {
    return pattern == null || value != null && compile(pattern, "pattern").matcher(value).find();
  }

  private static Pattern compile(String pattern, String what) {
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("trigger " + what + " is not a valid pattern: " + e.getDescription());
    }
  }
}
