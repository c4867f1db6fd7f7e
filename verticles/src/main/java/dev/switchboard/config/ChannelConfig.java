package dev.switchboard.config;

import dev.switchboard.engine.event.ChannelType;
import java.util.Objects;

/**
 * One configured channel. Which secrets matter depends on the type: Meta channels use {@code appSecret},
 * {@code verifyToken}, {@code accessToken} and {@code phoneNumberId} (WhatsApp) or {@code accountId} (the Page or
 * Instagram account id for sending); Telegram {@code secretToken} and {@code botToken}; Standard Webhooks
 * {@code signingSecret}. {@code sender} picks the outbound sender ({@code sandbox} records instead of sending).
 * {@code reengagementTemplate}: the WhatsApp template sent instead of free-form text outside the 24-hour window.
 */
public record ChannelConfig(String id, ChannelType type, SenderKind sender, String appSecret, String verifyToken,
                            String accessToken, String phoneNumberId, String apiVersion, String secretToken,
                            String botToken, String signingSecret, String accountId, String reengagementTemplate,
                            String reengagementLanguage) {
  public ChannelConfig {
    Objects.requireNonNull(id, "channel id");
    Objects.requireNonNull(type, "channel type of " + id);
    sender = sender == null ? (type == ChannelType.WEBCHAT ? SenderKind.WEBCHAT : SenderKind.SANDBOX) : sender;
    apiVersion = apiVersion == null ? "v21.0" : apiVersion;
    reengagementLanguage = reengagementLanguage == null ? "pt_BR" : reengagementLanguage;
    reengagementTemplate = reengagementTemplate == null || reengagementTemplate.isBlank() ? null : reengagementTemplate;
  }
}
