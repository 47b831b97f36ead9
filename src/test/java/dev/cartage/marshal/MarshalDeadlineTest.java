package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarshalDeadlineTest {

    @Test
    void checkReadsTheClockOnlyEveryFewCalls() {
        MarshalDeadline deadline = spent();

        for (int i = 1; i < MarshalDeadline.CALLS_PER_CLOCK_READ; i++) {
            deadline.check();
        }
        assertThatThrownBy(deadline::check)
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE));
        assertThatThrownBy(deadline::checkNow).isInstanceOf(MarshalException.class);
    }

    @Test
    void aDeadlineNotYetReachedPasses() {
        MarshalDeadline deadline = MarshalDeadline.after(Duration.ofMinutes(1));

        assertThatCode(() -> {
            for (int i = 0; i < 10_000; i++) {
                deadline.check();
            }
            deadline.checkNow();
        }).doesNotThrowAnyException();
    }

    @Test
    void checkCurrentChecksTheDeadlineBoundToTheThreadUntilTheScopeCloses() {
        MarshalDeadline spent = spent();

        assertThatCode(() -> callCurrent(MarshalDeadline.CALLS_PER_CLOCK_READ)).as("nothing bound").doesNotThrowAnyException();
        try (MarshalDeadline.Scope bound = spent.bind()) {
            assertThatThrownBy(() -> callCurrent(MarshalDeadline.CALLS_PER_CLOCK_READ)).isInstanceOf(MarshalException.class);
        }
        assertThatCode(() -> callCurrent(MarshalDeadline.CALLS_PER_CLOCK_READ)).as("unbound again").doesNotThrowAnyException();
    }

    @Test
    void theBudgetMustBePositive() {
        assertThatThrownBy(() -> MarshalDeadline.after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarshalDeadline.after(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarshalDeadline.after(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void callCurrent(int times) {
        for (int i = 0; i < times; i++) {
            MarshalDeadline.checkCurrent();
        }
    }

    /** A deadline whose 1 ns budget is over: waits (without sleeping a guessed time) until checkNow says so. */
    static MarshalDeadline spent() {
        MarshalDeadline deadline = MarshalDeadline.after(Duration.ofNanos(1));
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    try {
                        deadline.checkNow(); // does not count as a check() call
                        return false;
                    } catch (MarshalException e) {
                        return true;
                    }
                });
        return deadline;
    }
}
