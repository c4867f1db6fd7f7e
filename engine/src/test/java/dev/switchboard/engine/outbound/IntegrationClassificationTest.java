package dev.switchboard.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.outbound.calcom.CalcomRequests;
import dev.switchboard.engine.outbound.calcom.CalcomResponses;
import dev.switchboard.engine.outbound.meta.MessengerRequests;
import dev.switchboard.engine.outbound.meta.MessengerResponses;
import dev.switchboard.engine.outbound.trello.TrelloRequests;
import dev.switchboard.engine.outbound.trello.TrelloResponses;
import dev.switchboard.engine.outbound.webhook.WebhookOutResponses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Request shapes and error classification for Messenger/Instagram, Trello, Cal.com and webhooks out. */
class IntegrationClassificationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private static String fixture(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/fixtures/outbound/" + name));
  }

  @Test
  void messengerAndInstagramRequestsMatchTheFixtures() throws IOException {
    JsonNode messenger = MAPPER.readTree(fixture("messenger_send_request.json"));
    JsonNode built = MAPPER.readTree(MessengerRequests.body(messenger.get("recipient").get("id").asText(),
        new OutboundPayload.Text(messenger.get("message").get("text").asText(), null), false));
    assertThat(built).isEqualTo(messenger);
    JsonNode instagram = MAPPER.readTree(fixture("instagram_send_request.json"));
    JsonNode builtIg = MAPPER.readTree(MessengerRequests.body(instagram.get("recipient").get("id").asText(),
        new OutboundPayload.Text(instagram.get("message").get("text").asText(), null), true));
    assertThat(builtIg).isEqualTo(instagram);
    var sent = (SendResult.Sent) MessengerResponses.classify(200, fixture("messenger_send_response.json"), null);
    assertThat(sent.providerMessageId()).isNotBlank();
    assertThat(MessengerResponses.classify(400, "{\"error\":{\"code\":613}}", "30"))
        .isEqualTo(new SendResult.Transient("graph 613", Duration.ofSeconds(30)));
    assertThat(MessengerResponses.classify(400, "{\"error\":{\"code\":551}}", null))
        .isInstanceOf(SendResult.Permanent.class);
  }

  @Test
  void trelloClassifiesByStatusSinceItsErrorsArePlainText() throws IOException {
    JsonNode expected = MAPPER.readTree(fixture("trello_create_card_request.json"));
    assertThat(TrelloRequests.path("k", "t")).isEqualTo("/1/cards?key=k&token=t");
    JsonNode built = MAPPER.readTree(TrelloRequests.createCard(expected.path("idList").asText("list"),
        new OutboundPayload.TrelloCard("Visita", "Limpeza")));
    assertThat(built.get("idList").asText()).isEqualTo(expected.path("idList").asText("list"));
    assertThat(built.get("name").asText()).isEqualTo("Visita");
    assertThat(built.get("desc").asText()).isEqualTo("Limpeza");
    var card = (SendResult.Sent) TrelloResponses.classify(200, fixture("trello_create_card_response.json"), null, NOW);
    assertThat(card.providerMessageId()).isEqualTo(MAPPER.readTree(fixture("trello_create_card_response.json"))
        .get("id").asText());
    assertThat(TrelloResponses.classify(429, fixture("trello_error_429.json"), "10", NOW))
        .isEqualTo(new SendResult.Transient("trello http 429", Duration.ofSeconds(10)));
    assertThat(TrelloResponses.classify(401, fixture("trello_error_401.json"), null, NOW))
        .isEqualTo(new SendResult.Permanent("trello 401 invalid key or token"));
  }

  @Test
  void calcomBookings() throws IOException {
    JsonNode req = MAPPER.readTree(CalcomRequests.createBooking(new OutboundPayload.Booking(1234567,
        "2026-12-04T17:00:00Z", "Ana", "ana@example.org", null, "+5511900000000")));
    assertThat(req.get("attendee").get("timeZone").asText()).isEqualTo("America/Sao_Paulo");
    assertThat(req.get("eventTypeId").asLong()).isEqualTo(1234567);
    var booked = (SendResult.Sent) CalcomResponses.classify(201, fixture("calcom_create_booking_response.json"), null, NOW);
    assertThat(booked.providerMessageId()).isNotBlank();
    assertThat(CalcomResponses.classify(400, fixture("calcom_error_slot_taken.json"), null, NOW))
        .isInstanceOf(SendResult.Permanent.class);
    assertThat(CalcomResponses.classify(503, "", null, NOW)).isInstanceOf(SendResult.Transient.class);
  }

  @Test
  void webhookOutFollowsTheStandardWebhooksDeliveryRules() {
    assertThat(WebhookOutResponses.classify(204, null, NOW)).isInstanceOf(SendResult.Sent.class);
    assertThat(WebhookOutResponses.classify(302, null, NOW)).isInstanceOf(SendResult.Permanent.class);
    assertThat(WebhookOutResponses.classify(410, null, NOW)).isEqualTo(new SendResult.Permanent("webhook 410 endpoint gone"));
    assertThat(WebhookOutResponses.classify(429, "Fri, 20 Nov 2026 12:00:30 GMT", NOW))
        .isEqualTo(new SendResult.Transient("webhook http 429", Duration.ofSeconds(30)));
    assertThat(WebhookOutResponses.classify(504, null, NOW)).isInstanceOf(SendResult.Transient.class);
    assertThat(WebhookOutResponses.classify(400, null, NOW)).isInstanceOf(SendResult.Permanent.class);
  }
}
