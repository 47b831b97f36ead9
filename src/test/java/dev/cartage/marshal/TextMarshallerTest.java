package dev.cartage.marshal;

import dev.cartage.marshal.Block.Heading;
import dev.cartage.marshal.Block.Paragraph;
import dev.cartage.marshal.Inline.Text;
import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextMarshallerTest {

    private final Marshallers marshallers = new Marshallers(1 << 20, Duration.ofSeconds(5));

    @Test
    void blankLinesSeparateParagraphsAndLinesAreReflowed() {
        Document document = marshal("First paragraph,\r\nwrapped   here.\n \t\nSecond\n\n\n\nThird *not* markup <b>x</b>\n");

        assertThat(document.title()).isNull();
        assertThat(document.blocks()).containsExactly(paragraph("First paragraph, wrapped here."), paragraph("Second"),
                paragraph("Third *not* markup <b>x</b>"));
    }

    @Test
    void aShortFirstLineStandingAloneIsTheTitleAndAHeading() {
        Document document = marshal("\n  Release notes 2.1  \n\nThe release fixes three bugs.\n");

        assertThat(document.title()).isEqualTo("Release notes 2.1");
        assertThat(document.blocks()).containsExactly(new Heading(1, "Release notes 2.1"),
                paragraph("The release fixes three bugs."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "A first line that ends like a sentence.\n\nMore.",
            "Two lines\nin the first paragraph\n\nMore.",
            "Only one paragraph",
            "A first line far too long to be a title: it goes on and on and on, well past a hundred characters, on purpose\n\nMore"})
    void otherwiseThereIsNoTitle(String text) {
        Document document = marshal(text);

        assertThat(document.title()).isNull();
        assertThat(document.blocks()).allMatch(Paragraph.class::isInstance);
    }

    @Test
    void emptyTextFailsAsParse() {
        assertThatThrownBy(() -> marshal(" \n\n\t"))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.PARSE));
    }

    private Document marshal(String text) {
        return marshallers.marshal(text.getBytes(StandardCharsets.UTF_8), "text/plain", "https://a.org/t.txt");
    }

    private static Paragraph paragraph(String text) {
        return new Paragraph(List.of(new Text(text)));
    }
}
