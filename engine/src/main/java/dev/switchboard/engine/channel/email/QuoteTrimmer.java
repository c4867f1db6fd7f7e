package dev.switchboard.engine.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what a mail repeats from earlier ones: quoted lines ({@code >}), the reply header of Gmail, Outlook, Apple
 * Mail and Thunderbird in Portuguese and English and everything after it, and the signature (after "-- " or a
 * "Enviado do meu ..." line). A forwarded message is kept: what was forwarded is the request.
 */
public final class QuoteTrimmer {
  private static final Pattern REPLY_HEADER = Pattern.compile(
      "^(Em .{5,}escreveu:|On .{5,}wrote:|Le .{5,}a écrit :|El .{5,}escribió:)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern REPLY_START = Pattern.compile("^(Em|On) .*\\d.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ORIGINAL = Pattern.compile(
      "^-{2,}\\s*(Mensagem original|Original Message|Mensagem Original)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(De|From):\\*?\\s.+", Pattern.CASE_INSENSITIVE);
  private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\*?(Enviad[oa]|Sent|Data|Date):\\*?\\s.+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FORWARD = Pattern.compile(
      "^-{3,}\\s*(Forwarded message|Mensagem encaminhada|Encaminhada)\\s*-{3,}\\s*$|^(Início da mensagem encaminhada|"
          + "Begin forwarded message):\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SENT_FROM = Pattern.compile(
      "^(Enviado (do|de) meu .+|Enviado do Outlook.*|Enviado via .+|Sent from my .+|Get Outlook for .+|"
          + "Obter o Outlook para .+)$", Pattern.CASE_INSENSITIVE);

  private QuoteTrimmer() {
  }

  public static String trim(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    boolean forwarded = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      String bare = line.strip();
      if (FORWARD.matcher(bare).matches()) {
        forwarded = true;
      }
      if (!forwarded) {
        if (bare.equals("--") || line.equals("-- ") || SENT_FROM.matcher(bare).matches()) {
          break;
        }
        if (ORIGINAL.matcher(bare).matches() || bare.matches("^_{10,}$") && nextIsHeader(lines, i + 1)) {
          break;
        }
        if (REPLY_HEADER.matcher(bare).matches()) {
          break;
        }
        // Gmail wraps a long reply header over two lines: "Em seg., 30 de nov. ... Maria <" / "maria@x> escreveu:".
        if (REPLY_START.matcher(bare).matches() && i + 1 < lines.length
            && REPLY_HEADER.matcher(bare + " " + lines[i + 1].strip()).matches()) {
          break;
        }
        if (OUTLOOK_FROM.matcher(bare).matches() && nextIsHeader(lines, i + 1)) {
          break;
        }
        if (bare.startsWith(">")) {
          continue;
        }
      }
      kept.add(line);
    }
    return String.join("\n", kept).replaceAll("\\n{3,}", "\n\n").strip();
  }

  /** Whether one of the next three lines is an Outlook header ("Enviado:", "Sent:", "Data:"). */
  private static boolean nextIsHeader(String[] lines, int from) {
    for (int i = from; i < Math.min(lines.length, from + 3); i++) {
      String bare = lines[i].strip();
      if (OUTLOOK_SENT.matcher(bare).matches() || OUTLOOK_FROM.matcher(bare).matches()) {
        return true;
      }
    }
    return false;
  }
}
