package dev.switchboard.engine.ai.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aDeclaredFormatIsAssertedNotOnlyAnnotated() throws Exception {
    SchemaCheck check = new SchemaCheck(json("""
        {"type": "object", "required": ["date"],
         "properties": {"date": {"type": "string", "format": "date"}, "email": {"type": "string", "format": "email"}}}
        """));

    assertThat(check.errors(json("{\"date\": \"2026-12-20\", \"email\": \"ana@exemplo.com.br\"}"))).isEmpty();
    assertThat(check.errors(json("{\"date\": \"20 de dezembro\"}"))).singleElement().asString().startsWith("$.date");
    assertThat(check.errors(json("{\"date\": \"2026-02-30\"}"))).hasSize(1);
    assertThat(check.errors(json("{\"date\": \"2026-12-20\", \"email\": \"ana arroba exemplo\"}"))).hasSize(1);
    assertThat(check.errors(json("{}"))).singleElement().asString().contains("required");
  }
}
