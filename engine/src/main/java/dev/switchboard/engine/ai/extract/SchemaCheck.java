package dev.switchboard.engine.ai.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** A tenant's extraction schema, compiled once; validation errors as short texts a person (or a re-prompt) can read. */
public final class SchemaCheck {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  /**
   * Draft 2020-12 makes {@code format} an annotation only; a tenant that writes {@code "format": "date"} means it, so
   * formats are asserted: "20 de dezembro" where a date is due goes to review instead of into a Trello due date.
   * The builder's default paths are JSON pointers; errors keep naming fields {@code $.phone}, as people and the
   * console read them.
   */
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(true).pathType(PathType.LEGACY).build();
  private final JsonSchema schema;
  private final JsonNode source;

  public SchemaCheck(JsonNode schema) {
    this.source = schema;
    this.schema = FACTORY.getSchema(schema, CONFIG);
  }

  public JsonNode source() {
    return source;
  }

  public List<String> errors(JsonNode data) {
    return schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
