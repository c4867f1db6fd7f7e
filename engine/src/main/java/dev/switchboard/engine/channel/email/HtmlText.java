package dev.switchboard.engine.channel.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML body as plain text, with jsoup: scripts, styles, quoted replies (blockquote, Gmail's {@code gmail_quote},
 * Outlook's reply header) and Gmail signatures removed; block elements and {@code <br>} become line breaks.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
      "table", "ul", "ol", "hr", "pre", "address", "section", "article", "header", "footer");

  private HtmlText() {
  }

  public static String toText(String html) {
    Document doc = Jsoup.parse(html);
    // Outlook's reply header (div#divRplyFwdMsg, often after an <hr>) starts the old thread: it and all after it go.
    for (Element header : doc.select("#divRplyFwdMsg")) {
      Element previous = header.previousElementSibling();
      if (previous != null && "hr".equals(previous.normalName())) {
        previous.remove();
      }
      while (header.nextSibling() != null) {
        header.nextSibling().remove();
      }
    }
    doc.select("script, style, head, title, blockquote, .gmail_quote, .gmail_signature, #divRplyFwdMsg,"
        + " div#appendonsend, .moz-cite-prefix").remove();
    Element body = doc.body();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.text());
        } else if (node instanceof Element e && "br".equals(e.normalName())) {
          out.append('\n');
        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          newline(out);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !"br".equals(e.normalName())) {
          newline(out);
          if ("p".equals(e.normalName())) {
            // A paragraph keeps a blank line after it, as a mail client shows it.
            out.append('\n');
          }
        }
      }
    }, body == null ? doc : body);
    return out.toString().replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
        .replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static void newline(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}
