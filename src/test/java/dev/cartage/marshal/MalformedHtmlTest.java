package dev.cartage.marshal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken markup is repaired the way browsers repair it, never refused: the text comes through. */
class MalformedHtmlTest {

    private final Marshallers marshallers = new Marshallers(1 << 20, Duration.ofSeconds(5));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unclosed tags                 | <title>T</title><div><p>first para<p>second para<ul><li>one<li>two    | first para;second para;one",
            "stray closing tags            | </div></span><p>kept text</p></div></p></body></html></html>           | kept text",
            "mis-nested inline and block   | <p>a <b>bold <i>both</b> italic</i> end</p><b><p>block in bold</p></b> | a bold both italic end;block in bold",
            "broken attributes             | <p id=a id=b class='c' =x \"y\">attribute soup</p>                     | attribute soup",
            "unclosed comment              | <p>before</p><!-- never closed <p>hidden</p>                           | before",
            "no html, head or body at all  | just some text <b>and bold</b>                                          | just some text and bold",
            "table soup                    | <table><td>cell<tr><td>row two</table><p>after</p>                     | cell;row two;after",
            "nul bytes and junk entities   | <p>a\u0000b &bogus; &#xD800; &amp</p>                                   | a"})
    void malformedHtmlStillMarshals(String what, String html, String expected) {
        Document document = marshallers.marshal(html.getBytes(StandardCharsets.UTF_8), "text/html", "https://a.org/");

        String text = document.blocks().stream().map(Block::plainText).reduce("", (a, b) -> a + "\n" + b);
        for (String part : expected.split(";")) {
            assertThat(text).contains(part);
        }
    }
}
