package dev.cartage.marshal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.cartage.pipeline.FailureType;

/** Parser input that stops the parser once the item's marshal time is spent, as bytes and, decoded, as characters. */
class DeadlineInputTest {

    @Test
    void bytesAndCharactersReadAsTheyAreWhileTimeIsLeft() throws IOException {
        MarshalDeadline plenty = MarshalDeadline.after(Duration.ofMinutes(1));

        try (InputStream bytes = new DeadlineInput("<p>a</p>".getBytes(StandardCharsets.UTF_8), plenty);
             Reader chars = DeadlineInput.text("# \u00E9\uD83D\uDE00 \u4E2D", plenty)) {
            assertThat(new String(bytes.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<p>a</p>");
            char[] buffer = new char[16];
            assertThat(new String(buffer, 0, chars.read(buffer, 0, buffer.length))).isEqualTo("# \u00E9\uD83D\uDE00 \u4E2D");
        }
    }

    @Test
    void aBulkReadAfterTheDeadlineFailsTheItemAsTooLarge() {
        MarshalDeadline spent = MarshalDeadlineTest.spent();

        assertThatThrownBy(() -> new DeadlineInput(new byte[16], spent).read(new byte[16], 0, 16))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE));
        assertThatThrownBy(() -> DeadlineInput.text("text", spent).read(new char[4], 0, 4))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE));
    }

    @Test
    void singleReadsCheckTheClockOnlyEveryFewHundredCalls() throws IOException {
        MarshalDeadline spent = MarshalDeadlineTest.spent();
        InputStream bytes = new DeadlineInput("x".repeat(MarshalDeadline.CALLS_PER_CLOCK_READ).getBytes(StandardCharsets.UTF_8), spent);

        for (int i = 1; i < MarshalDeadline.CALLS_PER_CLOCK_READ; i++) {
            assertThat(bytes.read()).isEqualTo('x');
        }
        assertThatThrownBy(bytes::read).isInstanceOf(MarshalException.class);
    }
}
