package dev.switchboard.engine.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads fixture files as raw bytes (signatures are over the exact bytes). */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/fixtures");
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {
  }

  static byte[] bytes(String path) {
    try {
      return Files.readAllBytes(ROOT.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String path) {
    try {
      return MAPPER.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
