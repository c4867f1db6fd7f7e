package dev.switchboard.store;

import static dev.switchboard.store.PgTestDatabase.await;
import static dev.switchboard.store.StoreFixtures.T0;

import dev.switchboard.engine.automation.IntegrationLogEntry;
import dev.switchboard.engine.automation.IntegrationRecord;
import dev.switchboard.engine.automation.IntegrationStatus;
import dev.switchboard.engine.automation.MailSource;
import dev.switchboard.engine.channel.email.MailAttachment;
import dev.switchboard.engine.channel.email.ParsedMail;
import dev.switchboard.engine.event.ChannelType;
import dev.switchboard.engine.event.ConversationKey;
import dev.switchboard.engine.outbound.CommandStatus;
import dev.switchboard.engine.outbound.OutboundCommand;
import dev.switchboard.engine.outbound.OutboundPayload;
import dev.switchboard.engine.store.IntegrationStore;
import dev.switchboard.engine.store.Stores;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * An e-mail the intake turned into an integration record, with the outbox commands its steps created as
 * {@code StepCommands} builds them (ids {@code tenant:automation/<record>:<step>}): a Trello card filled from the
 * customer's fields, a Telegram alert to the business, an e-mail reply and a webhook.
 */
final class IntegrationFixtures {
  static final String NAME = "Marisa Quaresma";
  static final String SUBJECT = "Ar condicionado pingando";
  static final String TEXT = "O ar da sala pinga desde ontem";
  static final String STREET = "Rua dos Tamarindos 808";

  private IntegrationFixtures() {
  }

  /** The record (INTEGRATED unless {@code open}, then PENDING waiting on its reply) and its commands. */
  record Mail(IntegrationRecord record, List<OutboundCommand> commands) {
  }

  /** The record as the intake stores a new mail (PENDING at the first step). */
  static IntegrationRecord received(IntegrationStore integrations, String tenant, String sender, String phone) {
    String sourceId = "1700000000." + phone.substring(1) + ".JavaMail." + sender;
    ParsedMail parsed = new ParsedMail(sourceId, sender, NAME, SUBJECT, T0, TEXT + ", meu telefone é " + phone,
        List.of(new MailAttachment("foto-marisa.jpg", "image/jpeg", 2048, false)), false);
    IntegrationRecord received = new IntegrationRecord(MailSource.recordId(tenant, "inbox", sourceId), tenant, "inbox",
        sourceId, "chamados", IntegrationStatus.PENDING, 0, sender.toLowerCase(Locale.ROOT),
        MailSource.of(parsed).json(), null, null, null, 0, T0, T0, null);
    await(integrations.addIfAbsent(received));
    return received;
  }

  static Mail mail(Stores stores, IntegrationStore integrations, String tenant, String sender, String phone,
                   boolean open) {
    IntegrationRecord received = received(integrations, tenant, sender, phone);
    String data = new JsonObject().put("nome", NAME).put("telefone", phone).put("endereco", STREET).encode();
    String prefix = received.commandPrefix();
    OutboundCommand card = OutboundCommand.pending(prefix + "1", new ConversationKey(tenant, "board", received.id()),
        null, "trello", "list", new OutboundPayload.TrelloCard(NAME + " — " + SUBJECT, STREET + ", " + phone + "\n"
            + TEXT, "list", List.of(), null, "sb-card"), T0, "automation-" + received.id());
    OutboundCommand alert = OutboundCommand.pending(prefix + "2", new ConversationKey(tenant, "tg", "-100200300"),
        ChannelType.TELEGRAM, "telegram", "-100200300", new OutboundPayload.Text("Novo chamado: " + NAME + ", "
            + STREET, null), T0, "automation-" + received.id());
    OutboundCommand hook = OutboundCommand.pending(prefix + "3", new ConversationKey(tenant, "crm", received.id()),
        null, "webhook", "webhook", new OutboundPayload.WebhookEvent("chamado", new JsonObject()
            .put("from", sender).put("subject", SUBJECT).put("fields", new JsonObject(data)).encode()), T0, "cid");
    OutboundCommand reply = OutboundCommand.pending(prefix + "4", new ConversationKey(tenant, "smtp", received.contact()),
        null, "smtp", received.contact(), new OutboundPayload.Email("Re: " + SUBJECT, "Olá " + NAME), T0, "cid");
    for (OutboundCommand c : List.of(card, alert, hook, reply)) {
      await(stores.outbox().addIfAbsent(c));
      if (!open || c != reply) {
        await(stores.outbox().transition(CommandStatus.PENDING, c.sent("ext-" + c.id().hashCode())));
      }
    }
    IntegrationRecord extracted = received.next(IntegrationStatus.PENDING, 1, data, List.of(), null, T0,
        new IntegrationLogEntry(0, "extract", 1, T0, "ok", null, null));
    IntegrationRecord failedOnce = extracted.next(IntegrationStatus.PENDING, 1, data, List.of(), null, T0,
        new IntegrationLogEntry(1, "trello.card", 1, T0, "error", "550 " + sender + " refused", null));
    IntegrationRecord last = failedOnce.next(open ? IntegrationStatus.PENDING : IntegrationStatus.INTEGRATED,
        open ? 4 : 5, data, open ? List.of() : List.of("smtp said " + sender), open ? reply.id() : null, T0,
        new IntegrationLogEntry(1, "trello.card", 2, T0, "ok", null, "card-808"));
    for (IntegrationRecord r : List.of(extracted, failedOnce, last)) {
      await(integrations.replace(r));
    }
    return new Mail(last, List.of(card, alert, hook, reply));
  }
}
