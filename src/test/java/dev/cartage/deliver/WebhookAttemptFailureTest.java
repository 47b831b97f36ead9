package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;

import org.junit.jupiter.api.Test;

import dev.cartage.fetch.guard.BlockReason;
import dev.cartage.fetch.guard.BlockedAddressException;

/** Which failed webhook attempts are worth another one, how long a receiver may make the next one wait, and the words. */
class WebhookAttemptFailureTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @Test
    void serverErrorsAndTooManyRequestsAreRetried() {
        assertThat(answered(500, null).retryable()).isTrue();
        assertThat(answered(503, null).retryable()).isTrue();
        assertThat(answered(429, null).retryable()).isTrue();
        assertThat(answered(503, null).getMessage()).isEqualTo("answered 503");
        assertThat(answered(503, null).status()).isEqualTo(503);
    }

    @Test
    void otherClientErrorsAndRedirectsAreFinal() {
        assertThat(answered(400, null).retryable()).isFalse();
        assertThat(answered(404, null).getMessage()).isEqualTo("answered 404 (a 4xx other than 429 is not retried)");
        assertThat(answered(301, null).retryable()).isFalse();
        assertThat(answered(301, null).getMessage()).isEqualTo("answered 301 (redirects are not followed)");
    }

    @Test
    void aRetryAfterIsHonouredUpToTheLongestBackoff() {
        assertThat(answered(503, "2").retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(answered(429, "120").retryAfter()).isEqualTo(MAX_WAIT);
        assertThat(answered(503, "soon").retryAfter()).isNull();
        assertThat(answered(503, null).retryAfter()).isNull();
        assertThat(answered(400, "2").retryAfter()).isNull();
    }

    @Test
    void timeoutsAndConnectionErrorsAreRetried() {
        WebhookAttemptFailure timeout = WebhookAttemptFailure.of(new TimeoutException("no item"), TIMEOUT);
        assertThat(timeout.retryable()).isTrue();
        assertThat(timeout.getMessage()).isEqualTo("did not answer within 1500ms (cartage.deliver.webhook.timeout)");
        assertThat(WebhookAttemptFailure.of(new RuntimeException(ReadTimeoutException.INSTANCE), TIMEOUT).retryable()).isTrue();
        WebhookAttemptFailure refused = WebhookAttemptFailure.of(new ConnectException("Connection refused"), TIMEOUT);
        assertThat(refused.retryable()).isTrue();
        assertThat(refused.getMessage()).isEqualTo("could not be reached (Connection refused)");
    }

    @Test
    void aConnectionTheGuardRefusedIsFinal() {
        BlockedAddressException blocked = new BlockedAddressException(BlockReason.LOOPBACK, "inside.test",
                new InetSocketAddress("127.0.0.1", 8080));
        WebhookAttemptFailure failure = WebhookAttemptFailure.of(new RuntimeException(blocked), TIMEOUT);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).startsWith("was not contacted: refused to connect to inside.test at 127.0.0.1:8080");
    }

    @Test
    void anythingElseIsFinal() {
        WebhookAttemptFailure failure = WebhookAttemptFailure.of(new IllegalStateException("odd"), TIMEOUT);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("failed (odd)");
    }

    private static WebhookAttemptFailure answered(int status, String retryAfter) {
        return WebhookAttemptFailure.answered(new WebhookClient.Answer(status, retryAfter), MAX_WAIT);
    }
}
