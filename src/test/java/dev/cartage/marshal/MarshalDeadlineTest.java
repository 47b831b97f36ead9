package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarshalDeadlineTest {

    @Test
    void checkReadsTheClockOnlyEveryFewCalls() throws InterruptedException {
        MarshalDeadline deadline = MarshalDeadline.after(Duration.ofNanos(1));
        Thread.sleep(1);

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
    void checkCurrentChecksTheDeadlineBoundToTheThreadUntilTheScopeCloses() throws InterruptedException {
        MarshalDeadline spent = MarshalDeadline.after(Duration.ofNanos(1));
        Thread.sleep(1);

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
}
