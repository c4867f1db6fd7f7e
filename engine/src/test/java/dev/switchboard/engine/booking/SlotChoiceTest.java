package dev.switchboard.engine.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotChoiceTest {
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  static final LocalDate DAY = LocalDate.of(2026, 12, 7);
  static final List<Slot> OFFERED = List.of(slot(9, 0), slot(9, 30), slot(10, 0));

  static Slot slot(int h, int m) {
    var start = DAY.atTime(LocalTime.of(h, m)).atZone(ZONE).toInstant();
    return new Slot(start, start.plus(Duration.ofMinutes(30)));
  }

  private static SlotChoice.Choice read(String text, String time) {
    return SlotChoice.read(text, time, null, OFFERED, ZONE);
  }

  @Test
  void picksByNumberInSeveralWordings() {
    assertEquals(new SlotChoice.Picked(OFFERED.get(1)), read("2", null));
    assertEquals(new SlotChoice.Picked(OFFERED.get(0)), read("opção 1", null));
    assertEquals(new SlotChoice.Picked(OFFERED.get(2)), read("quero o 3", null));
    assertEquals(new SlotChoice.Picked(OFFERED.get(1)), read("a segunda opção", null));
    assertEquals(new SlotChoice.Picked(OFFERED.get(0)), read("o primeiro", null));
  }

  @Test
  void picksByTheTimeTheCustomerSays() {
    // The time comes from the extraction the session runs on the same text.
    assertEquals(new SlotChoice.Picked(OFFERED.get(2)), read("o das 10h", "10:00"));
    assertEquals(new SlotChoice.Picked(OFFERED.get(0)), read("pode ser às 9", "09:00"));
  }

  @Test
  void aNumberOrTimeNotOfferedIsNotAPick() {
    assertEquals(new SlotChoice.NotOffered("5"), read("5", null));
    assertEquals(new SlotChoice.NotOffered("15:00"), read("às 15h", "15:00"));
  }

  @Test
  void noneFitsChangeOfMindAndNoise() {
    assertInstanceOf(SlotChoice.NoneFits.class, read("nenhum desses", null));
    assertInstanceOf(SlotChoice.NoneFits.class, read("não posso nesses, tem outro dia?", null));
    assertInstanceOf(SlotChoice.ChangedMind.class, read("mudei de ideia", null));
    assertInstanceOf(SlotChoice.ChangedMind.class, read("ah deixa pra lá", null));
    assertInstanceOf(SlotChoice.Unclear.class, read("qual o preço?", null));
  }
}
