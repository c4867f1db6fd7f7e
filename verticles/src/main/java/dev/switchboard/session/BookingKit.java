package dev.switchboard.session;

import dev.switchboard.config.TenantConfig;
import dev.switchboard.engine.booking.BookingDialogue;
import dev.switchboard.engine.booking.BookingRules;
import dev.switchboard.engine.booking.BookingTexts;
import dev.switchboard.engine.booking.SlotOffer;
import dev.switchboard.engine.conversation.Trigger;
import java.time.Duration;

/** The pure booking pieces configured for one tenant (zone, place, how many slots, lead time). */
record BookingKit(BookingTexts texts, BookingRules rules, SlotOffer offer) {

  static BookingKit of(TenantConfig tenant) {
    var cfg = tenant.booking();
    BookingTexts texts = new BookingTexts(tenant.zoneId(), cfg.place());
    return new BookingKit(texts, new BookingRules(texts, tenant.zoneId()),
        new SlotOffer(tenant.zoneId(), cfg.offer(), Duration.ofMinutes(cfg.leadMinutes())));
  }

  /** The audit trigger of a dialogue step: the sub-state entered, or null when it did not change. */
  static Trigger trigger(BookingDialogue from, BookingDialogue to) {
    if (to == null) {
      return from == null ? null : Trigger.BOOKING_ENDED;
    }
    if (from != null && from.stage() == to.stage() && to.stage() != BookingDialogue.Stage.CHOOSING) {
      return null;
    }
    if (from != null && from.stage() == to.stage() && from.offered().equals(to.offered())) {
      return null;
    }
    return switch (to.stage()) {
      case ASK_DATE -> Trigger.BOOKING_ASK_DATE;
      case CHOOSING -> Trigger.BOOKING_OFFERED;
      case BOOKING -> Trigger.BOOKING_REQUESTED;
      case CONFIRM -> Trigger.BOOKING_CONFIRM_ASKED;
    };
  }
}
