package dev.switchboard.outbound;

import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.outbound.SendResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Base64;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * E-mail over SMTP with Jakarta Mail (Angus). Jakarta Mail blocks, so each send runs on a worker thread, never on
 * the event loop. SMTP 4xx replies and connection failures retry; 5xx (unknown mailbox, rejected) are permanent.
 */
final class EmailSender implements Sender {
  private final Vertx vertx;
  private final long timeoutMs;

  EmailSender(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<SendResult> send(OutboundCommand command, Destination to) {
    var smtp = to.integration();
    var email = (OutboundPayload.Email) command.payload();
    return vertx.executeBlocking(() -> {
      Properties props = new Properties();
      props.put("mail.smtp.host", smtp.host());
      props.put("mail.smtp.port", String.valueOf(smtp.port()));
      props.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMs));
      props.put("mail.smtp.timeout", String.valueOf(timeoutMs));
      // Without it a server that stops reading would hold this worker thread for as long as the socket lives.
      props.put("mail.smtp.writetimeout", String.valueOf(timeoutMs));
      props.put("mail.smtp.starttls.enable", String.valueOf(smtp.startTls()));
      // Implicit TLS (SMTPS, usually port 465): the connection is TLS from its first byte.
      props.put("mail.smtp.ssl.enable", String.valueOf(smtp.ssl()));
      props.put("mail.smtp.auth", String.valueOf(smtp.username() != null));
      Session session = Session.getInstance(props);
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from()));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(command.recipient()));
      message.setSubject(email.subject(), "UTF-8");
      if (email.attachments().isEmpty()) {
        message.setText(email.body(), "UTF-8");
      } else {
        message.setContent(multipart(email));
      }
      // The command id in a header of its own lets a receiving system spot a resend after a crash.
      message.setHeader("X-Switchboard-Command", command.id());
      try {
        if (smtp.username() != null) {
          Transport.send(message, smtp.username(), smtp.password());
        } else {
          Transport.send(message);
        }
        return (SendResult) new SendResult.Sent(message.getMessageID(), null);
      } catch (SendFailedException e) {
        return new SendResult.Permanent("smtp rejected recipient");
      } catch (MessagingException e) {
        return classify(e);
      }
    }, false).otherwise(e -> new SendResult.Transient("smtp " + e.getClass().getSimpleName(), null));
  }

  /** The body as the first part, then each attachment under its name and type. */
  private static MimeMultipart multipart(OutboundPayload.Email email) throws MessagingException {
    MimeMultipart parts = new MimeMultipart("mixed");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.body(), "UTF-8");
    parts.addBodyPart(text);
    for (OutboundPayload.Attachment a : email.attachments()) {
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(new DataHandler(new ByteArrayDataSource(Base64.getDecoder().decode(a.base64()),
          a.contentType())));
      try {
        file.setFileName(MimeUtility.encodeText(a.name(), "UTF-8", null));
      } catch (UnsupportedEncodingException e) {
        file.setFileName(a.name());
      }
      parts.addBodyPart(file);
    }
    return parts;
  }

  private static SendResult classify(MessagingException e) {
    int code = e instanceof SMTPSendFailedException f ? f.getReturnCode() : -1;
    if (code >= 500) {
      return new SendResult.Permanent("smtp " + code);
    }
    return new SendResult.Transient(code > 0 ? "smtp " + code : "smtp connection", null);
  }
}
