package dev.switchboard.engine.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;

/**
 * The one codec for every {@link BusMessage}. On the wire: the class name, then the record as JSON. Decoding
 * only instantiates classes that implement {@link BusMessage}, so a peer cannot make it build arbitrary types.
 * Locally, {@link #transform} hands over the same immutable record.
 */
public final class BusCodec implements MessageCodec<BusMessage, BusMessage> {
  public static final String NAME = "switchboard";

  @Override
  public void encodeToWire(Buffer buffer, BusMessage message) {
    byte[] type = message.getClass().getName().getBytes(StandardCharsets.UTF_8);
    byte[] json = toJson(message);
    buffer.appendInt(type.length).appendBytes(type).appendInt(json.length).appendBytes(json);
  }

  @Override
  public BusMessage decodeFromWire(int pos, Buffer buffer) {
    int typeLength = buffer.getInt(pos);
    String type = buffer.getString(pos + 4, pos + 4 + typeLength, "UTF-8");
    int jsonStart = pos + 4 + typeLength;
    int jsonLength = buffer.getInt(jsonStart);
    byte[] json = buffer.getBytes(jsonStart + 4, jsonStart + 4 + jsonLength);
    return fromJson(type, json);
  }

  @Override
  public BusMessage transform(BusMessage message) {
    return message;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  static byte[] toJson(BusMessage message) {
    return Json.writeBytes(message);
  }

  static BusMessage fromJson(String type, byte[] json) {
    try {
      Class<?> cls = Class.forName(type, false, BusCodec.class.getClassLoader());
      if (!BusMessage.class.isAssignableFrom(cls)) {
        throw new IllegalArgumentException("not a bus message type: " + type);
      }
      return (BusMessage) Json.read(json, cls);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("unknown bus message type: " + type, e);
    }
  }
}
