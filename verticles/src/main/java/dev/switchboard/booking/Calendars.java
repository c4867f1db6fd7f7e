package dev.switchboard.booking;

import dev.switchboard.config.BookingConfig;
import dev.switchboard.config.IntegrationConfig;
import dev.switchboard.config.SenderKind;
import dev.switchboard.config.TenantConfig;
import dev.switchboard.config.TenantDirectory;
import dev.switchboard.engine.booking.Booking;
import dev.switchboard.engine.booking.SandboxSlots;
import dev.switchboard.engine.booking.Slot;
import dev.switchboard.engine.outbound.calcom.CalcomRequests;
import dev.switchboard.engine.outbound.calcom.CalcomResponses;
import dev.switchboard.engine.store.BookingStore;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a tenant's free slots from its calendar: Cal.com ({@code GET /v2/slots}) or the sandbox calendar (weekday
 * slots minus the tenant's active bookings). Reads are safe to repeat, so they are direct calls; bookings, moves and
 * cancellations go through the outbox. A failed read fails the future (the dialogue says so and tries again).
 */
public final class Calendars {
  private static final int SCAN = 1000;
  private final WebClient client;
  private final TenantDirectory directory;
  private final BookingStore bookings;
  private final String calcomBaseUrl;
  private final long timeoutMs;

  public Calendars(WebClient client, TenantDirectory directory, BookingStore bookings, String calcomBaseUrl,
                   long timeoutMs) {
    this.client = client;
    this.directory = directory;
    this.bookings = bookings;
    this.calcomBaseUrl = calcomBaseUrl;
    this.timeoutMs = timeoutMs;
  }

  /** The calendar integration of the tenant's booking configuration. */
  public IntegrationConfig calendar(TenantConfig tenant) {
    return directory.integration(tenant.booking().calendar()).orElseThrow().integration();
  }

  public Future<List<Slot>> free(TenantConfig tenant, LocalDate day) {
    BookingConfig cfg = tenant.booking();
    IntegrationConfig cal = calendar(tenant);
    Duration length = Duration.ofMinutes(cfg.slotMinutes());
    if (cal.type() == SenderKind.CALENDAR) {
      SandboxSlots sandbox = new SandboxSlots(tenant.zoneId(), LocalTime.parse(cfg.open()), LocalTime.parse(cfg.close()),
          length);
      return bookings.list(tenant.id(), SCAN).map(all -> sandbox.free(day, day, all.stream()
          .filter(b -> b.status().active()).map(Booking::start).collect(Collectors.toSet())));
    }
    String base = cal.baseUrl() != null ? cal.baseUrl() : calcomBaseUrl;
    String url = base + CalcomRequests.SLOTS_PATH + "?eventTypeId=" + cfg.eventTypeId() + "&start=" + day + "&end="
        + day + "&timeZone=" + URLEncoder.encode(tenant.zone(), StandardCharsets.UTF_8);
    return client.getAbs(url).timeout(timeoutMs)
        .putHeader("Authorization", "Bearer " + cal.apiKey())
        .putHeader("cal-api-version", CalcomRequests.SLOTS_API_VERSION)
        .send()
        .compose(r -> r.statusCode() == 200 ? Future.succeededFuture(CalcomResponses.slots(r.bodyAsString(), length))
            : Future.failedFuture(new IllegalStateException("calcom slots http " + r.statusCode())));
  }
}
