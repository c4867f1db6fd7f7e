package dev.switchboard.engine.conversation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErasureRequestTest {
  @Test
  void erasureRequestsInSeveralWordings() {
    assertTrue(ErasureRequest.matches("apagar meus dados"));
    assertTrue(ErasureRequest.matches("Quero que apaguem meus dados, por favor"));
    assertTrue(ErasureRequest.matches("pela LGPD, removam todas as minhas informações"));
    assertTrue(ErasureRequest.matches("exclui meu cadastro de vocês"));
    assertTrue(ErasureRequest.matches("quero que vocês esqueçam meus dados pessoais"));
  }

  @Test
  void otherMessagesAboutDataOrDeletingAreNot() {
    assertFalse(ErasureRequest.matches("não apaguem meus dados, só atualizem o endereço"));
    assertFalse(ErasureRequest.matches("quero atualizar meus dados"));
    assertFalse(ErasureRequest.matches("apaguei a mensagem sem querer"));
    assertFalse(ErasureRequest.matches("quero cancelar a visita"));
  }
}
