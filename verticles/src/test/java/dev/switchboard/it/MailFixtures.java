package dev.switchboard.it;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;

/** The engine module's pt-BR mail fixtures as messages to deliver into a GreenMail mailbox, and mails made here. */
final class MailFixtures {
  static final Path DIR = Path.of("../engine/src/test/resources/fixtures/email");
  static final Session SESSION = Session.getInstance(new Properties());

  private MailFixtures() {
  }

  static MimeMessage fixture(String name) {
    try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
      return new MimeMessage(SESSION, in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static MimeMessage mail(String messageId, String from, String subject, String text) {
    try {
      MimeMessage m = new MimeMessage(SESSION) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      m.setFrom(new InternetAddress(from));
      m.setRecipients(MimeMessage.RecipientType.TO, "suporte@assistec.com.br");
      m.setSubject(subject, "UTF-8");
      m.setText(text, "UTF-8");
      m.setSentDate(new Date());
      m.saveChanges();
      return m;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
