package dev.switchboard.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottlingTest {

  @Test
  void rateLimitAnswersAreThrottlingNotOutages() {
    assertThat(new SendResult.Transient("http 429", null).throttled()).isTrue();
    assertThat(new SendResult.Transient("telegram 429", null).throttled()).isTrue();
    assertThat(new SendResult.Transient("whatsapp 130429", null).throttled()).isTrue();
    assertThat(new SendResult.Transient("whatsapp 131056 http 400", null).throttled()).isTrue();
    assertThat(new SendResult.Transient("graph 613", null).throttled()).isTrue();
    assertThat(new SendResult.Transient("trello http 429", null).throttled()).isTrue();

    assertThat(new SendResult.Transient("http 500", null).throttled()).isFalse();
    assertThat(new SendResult.Transient("http 503", null).throttled()).isFalse();
    assertThat(new SendResult.Transient("whatsapp NoStackTraceTimeoutException", null).throttled()).isFalse();
    assertThat(new SendResult.Transient("graph 2", null).throttled()).isFalse();
    assertThat(new SendResult.Transient("whatsapp 4290 http 500", null).throttled()).isFalse();
  }
}
