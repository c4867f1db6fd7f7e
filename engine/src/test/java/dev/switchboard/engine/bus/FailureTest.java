package dev.switchboard.engine.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;

/** Wire codes are a contract between nodes of different versions: written down, never derived from enum order. */
class FailureTest {

  @Test
  void wireCodesAndHttpStatusesAreFixed() {
    assertThat(FailureCode.BAD_PAYLOAD.code()).isEqualTo(1000);
    assertThat(FailureCode.NOT_FOUND.code()).isEqualTo(1001);
    assertThat(FailureCode.CONFLICT.code()).isEqualTo(1002);
    assertThat(FailureCode.QUEUE_FULL.code()).isEqualTo(1003);
    assertThat(FailureCode.TIMEOUT.code()).isEqualTo(1004);
    assertThat(FailureCode.UNAVAILABLE.code()).isEqualTo(1005);
    assertThat(FailureCode.INTERNAL.code()).isEqualTo(1006);
    assertThat(FailureCode.FORBIDDEN.code()).isEqualTo(1007);
    for (FailureCode c : FailureCode.values()) {
      assertThat(FailureCode.fromCode(c.code())).isSameAs(c);
    }
    assertThat(FailureCode.fromCode(4242)).as("a newer node's code").isEqualTo(FailureCode.INTERNAL);
    assertThat(FailureCode.NOT_FOUND.httpStatus()).isEqualTo(404);
    assertThat(FailureCode.BAD_PAYLOAD.errorName()).isEqualTo("bad_request");
  }

  @Test
  void anyFailureMeansOneCodeForTheCaller() {
    var notFound = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCode.NOT_FOUND.code(), "no conversation x");
    assertThat(Failure.of(notFound).code()).isEqualTo(FailureCode.NOT_FOUND);
    assertThat(Failure.of(notFound).getMessage()).isEqualTo("no conversation x");
    assertThat(Failure.of(new ReplyException(ReplyFailure.TIMEOUT, "t")).code()).isEqualTo(FailureCode.TIMEOUT);
    assertThat(Failure.of(new ReplyException(ReplyFailure.NO_HANDLERS, "n")).code())
        .isEqualTo(FailureCode.UNAVAILABLE);
    assertThat(Failure.of(new IllegalStateException("boom")).code()).isEqualTo(FailureCode.INTERNAL);
    assertThat(Failure.of(new IllegalStateException("boom")).getMessage()).doesNotContain("boom");
    Failure own = Failure.notFound("no command c1");
    assertThat(Failure.of(own)).isSameAs(own);
  }
}
