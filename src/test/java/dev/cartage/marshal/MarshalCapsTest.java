package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Pathological documents cannot stall the marshal stage: with an absurdly small parse-time budget every one of them
 * fails with {@code too-large}, and with a real budget every call returns (with a document or that failure).
 */
class MarshalCapsTest {

    static Stream<Arguments> pathologicalDocuments() {
        return Stream.of(
                Arguments.of("200k nested inline elements", "text/html",
                        "<p>" + "<span><b><i>".repeat(70_000) + "deep"),
                Arguments.of("100k tiny paragraphs", "text/html", "<p>x</p>".repeat(100_000)),
                Arguments.of("a 10k-cell table", "text/html", "<table>" + ("<tr>" + "<td>c</td>".repeat(100) + "</tr>").repeat(100)),
                Arguments.of("100k nested divs", "text/html", "<div>".repeat(100_000) + "text"),
                Arguments.of("100k unclosed formatting elements", "text/html", "<p><b><i><u><s>x".repeat(25_000)),
                Arguments.of("20k meta tags and JSON-LD blocks", "text/html",
                        "<meta property=og:x content=y><script type=application/ld+json>{\"a\": 1}</script>".repeat(20_000) + "<p>x</p>"),
                Arguments.of("100k Markdown paragraphs", "text/markdown", "x\n\n".repeat(100_000)),
                Arguments.of("a 10k-cell Markdown table", "text/markdown",
                        "|" + " h |".repeat(100) + "\n|" + "---|".repeat(100) + "\n" + ("|" + " c |".repeat(100) + "\n").repeat(100)),
                Arguments.of("50k nested Markdown emphasis", "text/markdown", "*a ".repeat(50_000) + "x" + " a*".repeat(50_000)),
                Arguments.of("100k text paragraphs", "text/plain", "x\n\n".repeat(100_000)),
                Arguments.of("a JSON array of 200k numbers", "application/json",
                        "[" + "1,".repeat(200_000) + "1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathologicalDocuments")
    void anAbsurdlySmallBudgetFailsTheItemAsTooLarge(String what, String type, String body) {
        Marshallers oneMillisecond = new Marshallers(16 << 20, Duration.ofMillis(1));

        assertThatThrownBy(() -> oneMillisecond.marshal(bytes(body), type, "https://a.example.org/"))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE))
                .hasMessageContaining("took longer than 1 ms")
                .hasMessageContaining("cartage.marshal.max-parse-time");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathologicalDocuments")
    void withARealBudgetEveryCallReturns(String what, String type, String body) {
        Marshallers defaults = new Marshallers(16 << 20, Duration.ofMillis(500));

        Throwable failure = catchThrowable(() -> assertThat(defaults.marshal(bytes(body), type, "https://a.example.org/"))
                .isNotNull());

        if (failure != null) {
            assertThat(failure).isInstanceOfSatisfying(MarshalException.class,
                    e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE));
        }
    }

    @Test
    void theHtmlMarshallerHasTheSameBudget() {
        HtmlMarshaller oneMillisecond = new HtmlMarshaller(16 << 20, Duration.ofMillis(1));

        assertThatThrownBy(() -> oneMillisecond.marshal(bytes("<p>x</p>".repeat(100_000)), "text/html", null))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
