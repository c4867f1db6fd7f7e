package dev.switchboard.engine.outbound.webhook;

import dev.switchboard.engine.outbound.HttpOutcomes;
import dev.switchboard.engine.outbound.SendResult;
import java.time.Instant;

/**
 * Standard Webhooks delivery rules (FORMATS.md §4): 2xx delivered; 3xx is a failure (redirects are not followed);
 * 410 means the endpoint is gone; 429, 502, 504 (and other 5xx) throttle and retry, honouring Retry-After.
 */
public final class WebhookOutResponses {
  private WebhookOutResponses() {
  }

  public static SendResult classify(int status, String retryAfterHeader, Instant now) {
    if (status >= 200 && status < 300) {
      return new SendResult.Sent(null, null);
    }
    if (status == 410) {
      return new SendResult.Permanent("webhook 410 endpoint gone");
    }
    if (status >= 300 && status < 400) {
      return new SendResult.Permanent("webhook http " + status + " redirect not followed");
    }
    return HttpOutcomes.byStatus("webhook", status, HttpOutcomes.retryAfter(retryAfterHeader, now));
  }
}
