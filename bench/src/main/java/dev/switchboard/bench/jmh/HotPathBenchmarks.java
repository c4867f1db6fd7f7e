package dev.switchboard.bench.jmh;

import dev.switchboard.engine.bus.BusCodec;
import dev.switchboard.engine.bus.BusMessage;
import dev.switchboard.engine.channel.MetaSignature;
import dev.switchboard.engine.channel.Normalizers;
import dev.switchboard.engine.channel.Payloads;
import dev.switchboard.engine.event.ChannelRef;
import dev.switchboard.engine.event.ChannelType;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import dev.switchboard.engine.event.NormalizedEvent;

/** The per-webhook hot path: signature check, parse + normalise per channel, and the bus codec round trip. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HotPathBenchmarks {
  private static final String SECRET = "acc3pt4nce_app_s3cret_pt_br";

  @Param({"whatsapp_text.json", "messenger_text.json", "instagram_text.json", "telegram_message.json"})
  public String fixture;

  private byte[] body;
  private String signature;
  private ChannelRef channel;
  private BusMessage event;
  private final BusCodec codec = new BusCodec();

  @Setup
  public void setUp() throws IOException {
    try (InputStream in = HotPathBenchmarks.class.getResourceAsStream("/fixtures/" + fixture)) {
      body = in.readAllBytes();
    }
    signature = MetaSignature.sign(SECRET, body);
    ChannelType type = fixture.startsWith("whatsapp") ? ChannelType.WHATSAPP : fixture.startsWith("messenger")
        ? ChannelType.MESSENGER : fixture.startsWith("instagram") ? ChannelType.INSTAGRAM : ChannelType.TELEGRAM;
    channel = new ChannelRef("demo", "ch", type);
    event = normalise().get(0);
  }

  @Benchmark
  public boolean verifySignature() {
    return MetaSignature.verify(SECRET, body, signature);
  }

  @Benchmark
  public List<?> parseAndNormalise() {
    return normalise();
  }

  @Benchmark
  public BusMessage codecRoundTrip() {
    Buffer wire = Buffer.buffer(512);
    codec.encodeToWire(wire, event);
    return codec.decodeFromWire(0, wire);
  }

  private List<NormalizedEvent> normalise() {
    return Normalizers.forType(channel.type()).normalize(channel, Payloads.parse(body, 32), null);
  }
}
