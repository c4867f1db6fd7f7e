package dev.switchboard.engine.channel;

import dev.switchboard.engine.event.ChannelType;
import java.util.EnumMap;
import java.util.Map;

/** The normalizer for each channel type; all are stateless and shared. */
public final class Normalizers {
  private static final Map<ChannelType, PayloadNormalizer> BY_TYPE = new EnumMap<>(ChannelType.class);

  static {
    BY_TYPE.put(ChannelType.WHATSAPP, new WhatsAppNormalizer());
    BY_TYPE.put(ChannelType.MESSENGER, new MetaMessagingNormalizer("page"));
    BY_TYPE.put(ChannelType.INSTAGRAM, new MetaMessagingNormalizer("instagram"));
    BY_TYPE.put(ChannelType.TELEGRAM, new TelegramNormalizer());
    BY_TYPE.put(ChannelType.STANDARD, new StandardWebhookNormalizer());
    BY_TYPE.put(ChannelType.WEBCHAT, new WebchatNormalizer());
  }

  private Normalizers() {
  }

  public static PayloadNormalizer forType(ChannelType type) {
    return BY_TYPE.get(type);
  }
}
