package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Extraction into a tenant's JSON Schema, with the rules provider and with an OpenAI-compatible one. */
class ExtractionIT {

  private static JsonObject extract(TestEngine t, String tenant, String text) {
    var res = Await.of(t.adminPost("/admin/v1/ai/extract", new JsonObject().put("tenant", tenant).put("text", text)));
    assertThat(res.statusCode()).as(res.bodyAsString()).isEqualTo(200);
    return res.bodyAsJsonObject();
  }

  private static String completion(String content) {
    return new JsonObject().put("choices", new JsonArray().add(new JsonObject()
        .put("message", new JsonObject().put("role", "assistant").put("content", content)))).encode();
  }

  @Test
  void rulesFillTheSchemaOrAskForReview() {
    try (TestEngine t = new TestEngine(Map.of())) {
      JsonObject ok = extract(t, "acme", "Quero visita amanhã à tarde, meu CPF é 529.982.247-25, telefone "
          + "(11) 98765-4321, CEP 01310-200");
      assertThat(ok.getString("status")).isEqualTo("VALID");
      JsonObject data = ok.getJsonObject("data");
      assertThat(data.getString("period")).isEqualTo("afternoon");
      assertThat(data.getString("cpf")).isEqualTo("52998224725");
      assertThat(data.getString("phone")).isEqualTo("+5511987654321");
      assertThat(data.getString("cep")).isEqualTo("01310-200");
      assertThat(data.getString("date")).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(ok.getString("provider")).isEqualTo("rules");

      JsonObject review = extract(t, "acme", "oi, tudo bem?");
      assertThat(review.getString("status")).isEqualTo("REQUIRES_REVIEW");
      assertThat(review.getJsonArray("errors").encode()).contains("date").contains("phone");
      assertThat(review.getInteger("attempts")).isEqualTo(1);
    }
  }

  @Test
  void anLlmIsAskedOnceMoreWithTheErrorsThenReviewed() {
    AtomicInteger calls = new AtomicInteger();
    try (FakeProvider openai = new FakeProvider().start();
         TestEngine t = new TestEngine(Map.of("OPENAI_URL", openai.url() + "/v1"))) {
      openai.respond(r -> calls.incrementAndGet() % 2 == 1
          ? new FakeProvider.Response(200, completion("{\"customer\":\"Ana\"}"))
          : new FakeProvider.Response(200, completion("{\"customer\":\"Ana\",\"problem\":\"split pingando\"}")));
      JsonObject fixed = extract(t, "bot2", "Sou a Ana, meu split está pingando");
      assertThat(fixed.getString("status")).isEqualTo("VALID");
      assertThat(fixed.getInteger("attempts")).isEqualTo(2);
      assertThat(fixed.getJsonObject("data").getString("problem")).isEqualTo("split pingando");
      JsonObject second = new JsonObject(openai.received().get(1).body());
      String lastMessage = second.getJsonArray("messages").getJsonObject(3).getString("content");
      assertThat(lastMessage).contains("failed validation").contains("problem");

      openai.respond(r -> new FakeProvider.Response(200, completion("{\"customer\":\"A\"}")));
      JsonObject review = extract(t, "bot2", "oi");
      assertThat(review.getString("status")).isEqualTo("REQUIRES_REVIEW");
      assertThat(review.getInteger("attempts")).isEqualTo(2);
      assertThat(review.getJsonArray("errors")).isNotEmpty();

      openai.respond(r -> new FakeProvider.Response(200, completion("não é json")));
      JsonObject broken = extract(t, "bot2", "oi");
      assertThat(broken.getString("status")).isEqualTo("REQUIRES_REVIEW");
    }
  }
}
