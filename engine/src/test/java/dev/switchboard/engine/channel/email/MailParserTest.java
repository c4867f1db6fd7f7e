package dev.switchboard.engine.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The 30 pt-BR fixtures in {@code fixtures/email}: what each real-world shape of mail turns into. */
class MailParserTest {
  static final Path DIR = Path.of("src/test/resources/fixtures/email");
  private static final MailParser PARSER = new MailParser(16 * 1024, 4 * 1024);

  static MimeMessage load(String name) throws Exception {
    try (InputStream in = Files.newInputStream(DIR.resolve(name))) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  static ParsedMail parse(String name) throws Exception {
    return PARSER.parse(load(name));
  }

  @Test
  void plainUtf8MailKeepsItsTextSenderAndMessageId() throws Exception {
    ParsedMail m = parse("01_plain_utf8.eml");
    assertThat(m.sourceId()).isEqualTo("CAF0001@mail.gmail.com");
    assertThat(m.fromAddress()).isEqualTo("maria.souza@gmail.com");
    assertThat(m.fromName()).isEqualTo("Maria Souza");
    assertThat(m.subject()).isEqualTo("Visita técnica - ar-condicionado pingando");
    assertThat(m.text()).contains("Split Samsung 12000 BTUs está pingando", "CEP 05422-030", "Obrigada,\nMaria");
    assertThat(m.sentAt()).hasToString("2026-12-02T13:15:00Z");
    assertThat(m.attachments()).isEmpty();
  }

  @Test
  void alternativePrefersThePlainPartAndCutsTheSignature() throws Exception {
    ParsedMail m = parse("02_alternative_gmail.eml");
    assertThat(m.text()).startsWith("Olá, equipe!").contains("Brastemp Frost Free", "11 3251-7788")
        .doesNotContain("<b>", "Restaurante Sabor da Vila");
  }

  @Test
  void htmlOnlyMailBecomesTextWithEntitiesDecodedAndScriptsDropped() throws Exception {
    ParsedMail m = parse("03_html_only.eml");
    assertThat(m.text()).contains("manutenção preventiva nos 4 aparelhos", "Rua Augusta, 2500, 8º andar", "01412-100",
        "Data preferida: 15/12/2026", "Mendes & Associados").doesNotContain("<", "alert", "margin", "Chamado");
    assertThat(m.text()).contains("Prezados,\n");
  }

  @Test
  void windows1252QuotedPrintableBodyAndEncodedHeadersDecode() throws Exception {
    ParsedMail m = parse("04_windows1252_qp.eml");
    assertThat(m.subject()).isEqualTo("Máquina de lavar com barulho – orçamento");
    assertThat(m.fromName()).isEqualTo("José Antônio");
    assertThat(m.text()).contains("“estranho” na centrifugação – parece rolamento", "R$ 350,00", "José Antônio");
  }

  @Test
  void iso88591EightBitBodyDecodes() throws Exception {
    assertThat(parse("05_iso88591_8bit.eml").text()).contains("não está ligando", "Padaria Pão de Açúcar");
  }

  @Test
  void base64AndQuotedPrintableEncodedWordsInSubjectAndName() throws Exception {
    ParsedMail b = parse("06_encoded_subject_b.eml");
    assertThat(b.subject()).isEqualTo("Orçamento: instalação de 2 splits – urgente");
    assertThat(b.fromName()).isEqualTo("Luíza Gonçalves");
    ParsedMail q = parse("07_encoded_subject_q_iso.eml");
    assertThat(q.subject()).isEqualTo("Micro-ondas não esquenta - assistência técnica");
    assertThat(q.fromName()).isEqualTo("Antônio França");
    assertThat(q.text()).isEqualTo("Meu micro-ondas Panasonic não esquenta mais. Telefone 11 4002-8922.");
  }

  @Test
  void gmailRepliesLoseTheQuotedThread() throws Exception {
    assertThat(parse("08_gmail_reply_quoted.eml").text())
        .isEqualTo("Pode ser à tarde então, depois das 14h. O interfone é o 52.");
    assertThat(parse("09_gmail_reply_wrapped_header.eml").text())
        .isEqualTo("Aprovado o orçamento de R$ 280,00. Podem agendar para segunda, 14/12/2026.");
  }

  @Test
  void outlookRepliesLoseTheOldMailInTextAndHtml() throws Exception {
    assertThat(parse("10_outlook_reply.eml").text()).startsWith("O técnico pode vir na quinta (17/12/2026) às 9h.")
        .contains("Tel. (11) 3090-4455").doesNotContain("Prezada Fernanda", "Enviado:");
    assertThat(parse("11_outlook_html_reply.eml").text())
        .isEqualTo("Confirmo o endereço: Alameda Santos, 200, conj. 41.\nTelefone (11) 3288-9900.");
    assertThat(parse("30_outlook_mensagem_original.eml").text())
        .isEqualTo("Aceito o orçamento do aquecedor a gás Rinnai. Tel 11 2345-6789.");
  }

  @Test
  void forwardedChainsKeepTheForwardedRequest() throws Exception {
    assertThat(parse("12_forwarded_inline.eml").text()).contains("Segue o e-mail da minha mãe",
        "lava e seca LG está mostrando o erro OE", "11 3884-5566");
    ParsedMail attached = parse("13_forwarded_rfc822.eml");
    assertThat(attached.text()).contains("Encaminho o pedido do síndico", "Assunto: Bomba d'água com defeito",
        "bomba d'água do condomínio está com defeito", "11 95555-0101");
    assertThat(attached.attachments()).isEmpty();
  }

  @Test
  void attachmentsAreMetadataWithDecodedNames() throws Exception {
    ParsedMail m = parse("14_attachment_pdf.eml");
    assertThat(m.attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("nota fiscal secadora.pdf");
      assertThat(a.contentType()).isEqualTo("application/pdf");
      assertThat(a.size()).isEqualTo(1380);
      assertThat(a.approximate()).isFalse();
    });
    assertThat(m.text()).contains("parou de aquecer");
    ParsedMail inline = parse("15_inline_image_related.eml");
    assertThat(inline.attachments()).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("vazamento.png");
      assertThat(a.size()).isEqualTo(1024);
    });
    assertThat(inline.text()).contains("vazamento embaixo da pia", "Haddock Lobo");
  }

  @Test
  void anAttachmentAboveTheLimitIsSizedFromItsEncodingWithoutReadingIt() throws Exception {
    MailAttachment video = parse("16_attachment_large.eml").attachments().get(0);
    assertThat(video.name()).isEqualTo("adega.mp4");
    assertThat(video.approximate()).isTrue();
    assertThat(video.size()).isBetween(59_000L, 62_000L);
  }

  @Test
  void anEmptyBodyIsAMailWithItsSubjectOnly() throws Exception {
    ParsedMail m = parse("17_empty_body.eml");
    assertThat(m.text()).isEmpty();
    assertThat(m.subject()).contains("11 98888-0000");
  }

  @Test
  void aRedeliveryHasTheSameKeyAndAMailWithoutMessageIdAStableHash() throws Exception {
    assertThat(parse("18_duplicate_redelivery_a.eml").sourceId())
        .isEqualTo(parse("19_duplicate_redelivery_b.eml").sourceId()).isEqualTo("dup0018@provedor.net.br");
    String hashed = parse("20_no_message_id.eml").sourceId();
    assertThat(hashed).startsWith("hdr-").hasSize(68).isEqualTo(parse("20_no_message_id.eml").sourceId());
  }

  @Test
  void phoneSignaturesAndUndeclaredCharsetsAreHandled() throws Exception {
    assertThat(parse("21_signature_iphone.eml").text())
        .isEqualTo("O forno elétrico Fischer não passa de 150 graus. Tel 11 91111-2323.");
    assertThat(parse("22_undeclared_charset_8bit.eml").text()).contains("a coifa Tramontina da cozinha não puxa");
    assertThat(parse("26_raw_utf8_header.eml").fromName()).isEqualTo("Conceição Araújo");
  }

  @Test
  void htmlGmailQuoteAndAppleAndEnglishRepliesAreTrimmed() throws Exception {
    assertThat(parse("25_html_gmail_quote.eml").text()).isEqualTo("Perfeito, pode confirmar a visita para 16/12/2026.");
    assertThat(parse("27_apple_mail_reply.eml").text()).isEqualTo("Pode trocar a placa, autorizo o valor.");
    assertThat(parse("28_english_reply.eml").text()).isEqualTo("Thursday 17/12/2026 works for us. Phone +55 11 3000-1000.");
  }

  @Test
  void machineSentMailIsFlaggedSoThatItIsNeverAnswered() throws Exception {
    ParsedMail auto = parse("31_auto_reply_ferias.eml");
    assertThat(auto.autoSubmitted()).isTrue();
    assertThat(auto.subject()).isEqualTo("Resposta automática: Orçamento recebido");
    assertThat(parse("01_plain_utf8.eml").autoSubmitted()).isFalse();
  }

  @Test
  void aLongBodyIsCutAtTheLimitAndFlagged() throws Exception {
    ParsedMail m = parse("29_long_body.eml");
    assertThat(m.truncated()).isTrue();
    assertThat(m.text().length()).isLessThanOrEqualTo(16 * 1024);
  }

  @Test
  void brokenMailFailsWithAReasonInsteadOfBeingGuessed() {
    assertThatThrownBy(() -> parse("23_missing_boundary.eml")).isInstanceOf(MailParseException.class)
        .hasMessageStartingWith("unreadable");
    assertThatThrownBy(() -> parse("24_bad_base64.eml")).isInstanceOf(MailParseException.class)
        .hasMessageStartingWith("unreadable");
  }

  @Test
  void everyFixtureIsReadOrRefusedNeverThrowsAnythingElse() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.filter(p -> p.toString().endsWith(".eml")).peek(p -> {
        try {
          parse(p.getFileName().toString());
        } catch (MailParseException e) {
          assertThat(p.getFileName().toString()).matches("2[34]_.*");
        } catch (Exception e) {
          throw new AssertionError(p + ": " + e, e);
        }
      }).count()).isGreaterThanOrEqualTo(25);
    }
  }
}
