package dev.switchboard.engine.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the booking dialogue says, in Brazilian Portuguese, with dates and times in the tenant's zone. */
public final class BookingTexts {
  private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, dd/MM", PT_BR);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", PT_BR);
  private final ZoneId zone;
  private final String place;

  public BookingTexts(ZoneId zone, String place) {
    this.zone = zone;
    this.place = place;
  }

  public String day(LocalDate date) {
    return date.format(DAY);
  }

  public String day(Instant at) {
    return day(at.atZone(zone).toLocalDate());
  }

  public String time(Instant at) {
    return at.atZone(zone).format(TIME);
  }

  public String askDate(boolean rescheduling) {
    return rescheduling ? "Claro! Para qual dia você quer remarcar? Pode dizer, por exemplo, \"amanhã de manhã\" ou "
        + "\"sexta às 14h\"." : "Claro! Para qual dia você prefere? Pode dizer, por exemplo, \"amanhã de manhã\" ou "
        + "\"sexta às 14h\".";
  }

  public String askDateAgain() {
    return "Para eu ver os horários livres, me diga o dia (por exemplo \"amanhã\", \"sexta\" ou \"12/12\").";
  }

  public String offer(List<Slot> slots) {
    StringBuilder out = new StringBuilder();
    boolean oneDay = slots.stream().map(s -> s.start().atZone(zone).toLocalDate()).distinct().count() == 1;
    out.append(oneDay ? "Tenho estes horários livres para " + day(slots.get(0).start()) + ":" : "Tenho estes horários "
        + "livres:");
    for (int i = 0; i < slots.size(); i++) {
      Instant start = slots.get(i).start();
      out.append('\n').append(i + 1).append(") ").append(oneDay ? time(start) : day(start) + " às " + time(start));
    }
    return out.append("\nResponda com o número ou o horário. Se nenhum servir, me diga outro dia.").toString();
  }

  public String noSlots(LocalDate date, String period) {
    return "Não tenho horários livres " + periodLabel(period) + "em " + day(date)
        + ". Quer tentar outro dia ou período?";
  }

  public String invalidChoice(int offered, String asked) {
    String which = asked == null ? "" : (asked.contains(":") ? "Não tenho " + asked : "Não tenho a opção " + asked)
        + " entre os horários oferecidos. ";
    return which + "Responda com o número de 1 a " + offered + " ou com o horário (por exemplo \"às 9h\"). "
        + "Se nenhum servir, me diga outro dia.";
  }

  public String otherDay() {
    return "Sem problema. Qual outro dia ou período fica melhor para você?";
  }

  public String changedMind() {
    return "Tudo bem, deixei o agendamento de lado. Quando quiser marcar, é só me chamar!";
  }

  public String booking(Slot slot) {
    return "Perfeito! Estou reservando " + day(slot.start()) + " às " + time(slot.start()) + ". Já te confirmo.";
  }

  public String calendarUnavailable() {
    return "Não consegui consultar a agenda agora. Pode me mandar uma mensagem de novo em instantes? Eu tento outra vez.";
  }

  public String nothingToChange() {
    return "Não encontrei uma visita confirmada para alterar. Se quiser marcar uma nova, me diga o dia.";
  }

  public String moving() {
    return "Certo! Estou remarcando sua visita. Já te confirmo.";
  }

  public String cancelling() {
    return "Certo! Estou cancelando sua visita. Já te confirmo.";
  }

  public String stillBooking() {
    return "Ainda estou confirmando o seu horário com a agenda. Já te aviso!";
  }

  public String confirmed(Instant start) {
    return "Agendado! Sua visita fica para " + day(start) + " às " + time(start) + where() + ". Você vai receber "
        + "lembretes antes. Para remarcar ou cancelar, é só me dizer.";
  }

  public String slotTaken(List<Slot> slots) {
    return slots.isEmpty() ? "Esse horário acabou de ser ocupado e não tenho outro livre nesse dia. Quer tentar outro "
        + "dia?" : "Esse horário acabou de ser ocupado, desculpe. " + offer(slots);
  }

  public String providerFailed() {
    return "Não consegui confirmar o agendamento agora por uma falha na agenda. Vou pedir para alguém da equipe "
        + "confirmar com você; se preferir, me diga outro dia e eu tento de novo.";
  }

  public String delayed() {
    return "A agenda está demorando para responder. Continuo tentando e te aviso assim que o horário for confirmado.";
  }

  public String confirmCancel(Booking b) {
    return "Você quer cancelar a visita de " + day(b.start()) + " às " + time(b.start()) + "? Responda sim ou não.";
  }

  public String confirmMove(Booking b, Slot to) {
    return "Confirma a troca da visita de " + day(b.start()) + " às " + time(b.start()) + " para " + day(to.start())
        + " às " + time(to.start()) + "? Responda sim ou não.";
  }

  public String answerYesNo() {
    return "Só para confirmar: responda sim ou não.";
  }

  public String kept(Booking b) {
    return b == null ? changedMind() : "Tudo bem, mantive sua visita de " + day(b.start()) + " às " + time(b.start())
        + ".";
  }

  public String cancelled(Booking b) {
    return "Pronto, sua visita de " + day(b.start()) + " às " + time(b.start()) + " foi cancelada. Se quiser marcar "
        + "outro horário, é só me dizer.";
  }

  public String moved(Booking b) {
    return "Pronto, sua visita foi remarcada para " + day(b.start()) + " às " + time(b.start()) + where() + ".";
  }

  public String abandoned() {
    return "Como não tive resposta, deixei o agendamento de lado por enquanto. Quando quiser marcar, é só me chamar!";
  }

  public String reminder(Booking b, boolean sameDay) {
    return "Lembrete: sua visita é " + (sameDay ? "hoje" : day(b.start())) + " às " + time(b.start()) + where()
        + ". Para remarcar ou cancelar, responda aqui.";
  }

  public String noShow(Booking b) {
    return "Sentimos sua falta na visita de " + day(b.start()) + " às " + time(b.start()) + ". Quer marcar um novo "
        + "horário? É só me dizer o dia.";
  }

  private String where() {
    return place == null || place.isBlank() ? "" : ", em " + place;
  }

  private static String periodLabel(String period) {
    if (period == null) {
      return "";
    }
    return switch (period) {
      case "morning" -> "de manhã ";
      case "afternoon" -> "à tarde ";
      default -> "à noite ";
    };
  }
}
