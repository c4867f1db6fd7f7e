package dev.switchboard.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.engine.event.ChannelType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Loads the YAML configuration once at start-up. {@code ${NAME}} and {@code ${NAME:-default}} are replaced
 * from the environment before parsing, so secrets never need to live in the file. Unknown keys are errors:
 * a typo in a config key should stop the start, not be silently ignored.
 */
public final class ConfigLoader {
  /** Environment variable naming the config file; the {@code --config} flag wins over it. */
  public static final String CONFIG_ENV = "SWITCHBOARD_CONFIG";
  private static final String DEFAULT_FILE = "config/switchboard.yaml";
  private static final String BUNDLED = "/switchboard.yaml";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .propertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
      .build()
      .registerModule(new SimpleModule()
          .addDeserializer(ChannelType.class, new JsonDeserializer<>() {
            @Override
            public ChannelType deserialize(JsonParser p,
                                           DeserializationContext ctx)
                throws IOException {
              return ChannelType.of(p.getValueAsString());
            }
          }));

  private ConfigLoader() {
  }

  /** Chooses the file: explicit path, else $SWITCHBOARD_CONFIG, else config/switchboard.yaml, else the bundled copy. */
  public static SwitchboardConfig load(String explicitPath, Map<String, String> env) {
    String path = explicitPath != null ? explicitPath : env.get(CONFIG_ENV);
    if (path == null && Files.exists(Path.of(DEFAULT_FILE))) {
      path = DEFAULT_FILE;
    }
    try {
      String text;
      if (path != null) {
        text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
      } else {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED)) {
          if (in == null) {
            throw new IllegalStateException("no config file given and none bundled");
          }
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return parse(text, env::get);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + path, e);
    }
  }

  public static SwitchboardConfig parse(String yaml, Function<String, String> env) {
    try {
      return YAML.readValue(substitute(yaml, env), SwitchboardConfig.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("invalid configuration: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
    }
  }

  /**
   * A tenant as the admin API receives it (JSON, the same shape as a tenant in the file), checked like the file:
   * unknown keys and invalid values are errors with the reason.
   */
  public static TenantConfig tenant(JsonNode json) {
    try {
      return YAML.treeToValue(json, TenantConfig.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("invalid tenant: " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid tenant: " + e.getMessage(), e);
    }
  }

  public static String substitute(String text, Function<String, String> env) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) {
        value = m.group(2);
      }
      if (value == null) {
        throw new IllegalArgumentException("configuration needs environment variable " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
