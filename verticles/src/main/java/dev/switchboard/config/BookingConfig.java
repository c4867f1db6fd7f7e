package dev.switchboard.config;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's appointments (docs/appointments.md): {@code calendar} names the integration that holds the calendar (type
 * {@code calcom}, or {@code calendar} for the in-memory sandbox, whose free slots are weekdays {@code open} to
 * {@code close}, every {@code slotMinutes}); {@code eventTypeId} the Cal.com event type booked; {@code place} is said
 * in the confirmation and reminders; {@code offer} how many slots are offered, none sooner than {@code leadMinutes};
 * {@code reminders} minutes before the start (24 h and 1 h by default), sent as {@code reminderTemplate} outside
 * WhatsApp's 24-hour window; {@code timeoutMinutes} of silence abandon a dialogue; {@code noShowAfterMinutes} after
 * its end a booking without an attendance signal is a no-show (0: only the admin call or Cal.com mark it);
 * {@code requestTimeoutSeconds} after a provider call is still unanswered the customer is told it is delayed.
 */
public record BookingConfig(String calendar, long eventTypeId, String place, int offer, int leadMinutes,
                            int slotMinutes, String open, String close, List<Integer> reminders,
                            String reminderTemplate, String reminderTemplateLanguage, int timeoutMinutes,
                            int noShowAfterMinutes, int requestTimeoutSeconds, String attendeeEmailDomain) {
  public BookingConfig {
    Objects.requireNonNull(calendar, "booking.calendar (the calendar integration's id)");
    offer = offer <= 0 ? 3 : Math.min(offer, 9);
    leadMinutes = leadMinutes < 0 ? 0 : leadMinutes == 0 ? 60 : leadMinutes;
    slotMinutes = slotMinutes <= 0 ? 30 : slotMinutes;
    open = open == null ? "08:00" : open;
    close = close == null ? "18:00" : close;
    try {
      if (!LocalTime.parse(close).isAfter(LocalTime.parse(open))) {
        throw new IllegalArgumentException("booking: close must be after open");
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("booking: open and close are HH:mm", e);
    }
    reminders = reminders == null ? List.of(1440, 60) : List.copyOf(reminders);
    if (reminders.stream().anyMatch(m -> m == null || m <= 0)) {
      throw new IllegalArgumentException("booking.reminders are minutes before the start, each above 0");
    }
    reminderTemplateLanguage = reminderTemplateLanguage == null ? "pt_BR" : reminderTemplateLanguage;
    timeoutMinutes = timeoutMinutes <= 0 ? 20 : timeoutMinutes;
    noShowAfterMinutes = Math.max(0, noShowAfterMinutes);
    requestTimeoutSeconds = requestTimeoutSeconds <= 0 ? 60 : requestTimeoutSeconds;
    attendeeEmailDomain = attendeeEmailDomain == null ? "sem-email.invalid" : attendeeEmailDomain;
  }
}
