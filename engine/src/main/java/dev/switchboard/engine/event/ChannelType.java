package dev.switchboard.engine.event;


import java.util.Locale;
/** The kinds of channel the edge accepts; each has its own verification and payload shape. */
public enum ChannelType {
  WHATSAPP, MESSENGER, INSTAGRAM, TELEGRAM, STANDARD, WEBCHAT;

  public static ChannelType of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
