package dev.switchboard.engine.channel;

/**
 * Phone numbers as contact ids: E.164 with '+'. WhatsApp reports some Brazilian mobiles without the ninth digit
 * (ids created before the 2010s change), so a Brazilian mobile is canonicalised to its 13-digit form; the
 * provider's own form is kept separately for replies.
 */
public final class PhoneNumbers {
  private PhoneNumbers() {
  }

  public static String canonical(String raw) {
    if (raw == null) {
      throw new PayloadException("phone number is missing");
    }
    StringBuilder digits = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
        throw new PayloadException("phone number has unexpected characters");
      }
    }
    if (digits.length() < 6 || digits.length() > 15) {
      throw new PayloadException("phone number has an unexpected length");
    }
    String d = digits.toString();
    // 55 + 2-digit area + 8-digit local starting 6-9 is a mobile registered before the ninth digit.
    if (d.length() == 12 && d.startsWith("55") && d.charAt(4) >= '6') {
      d = d.substring(0, 4) + '9' + d.substring(4);
    }
    return "+" + d;
  }
}
