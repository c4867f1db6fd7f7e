package dev.switchboard.engine.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.engine.bus.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialogue is stored as JSON (PostgreSQL): it must read back as it was written. */
class BookingDialogueJsonTest {
  @Test
  void roundTrips() {
    Instant t = Instant.parse("2026-12-08T11:00:00Z");
    Slot slot = new Slot(t, t.plusSeconds(1800));
    var d = new BookingDialogue(BookingDialogue.Stage.CHOOSING, LocalDate.of(2026, 12, 8), "morning", "09:00",
        List.of(slot), slot, "bk_1", t);
    assertEquals(d, Json.read(Json.write(d), BookingDialogue.class));
    var asking = BookingDialogue.asking(null, null, null, null, t);
    assertEquals(asking, Json.read(Json.write(asking), BookingDialogue.class));
  }
}
