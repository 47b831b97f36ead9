package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarshallersTest {

    private static final String BASE = "https://a.example.org/doc";

    private final Marshallers marshallers = new Marshallers(1 << 20, Duration.ofSeconds(5));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text/html                        | <h1>Heading</h1><p>para</p>   | Heading",
            "TEXT/HTML; charset=utf-8         | <h1>Heading</h1><p>para</p>   | Heading",
            "application/xhtml+xml            | <h1>Heading</h1><p>para</p>   | Heading",
            "text/markdown                    | '# Heading\n\npara'           | Heading",
            "text/x-markdown                  | '# Heading\n\npara'           | Heading",
            "text/plain                       | 'Heading\n\npara'             | Heading",
            "application/json                 | {\"title\": \"Heading\"}      | Heading",
            "application/vnd.api+json         | {\"title\": \"Heading\"}      | Heading"})
    void eachMediaTypeReachesItsMarshaller(String type, String body, String title) {
        Document document = marshal(body, type);

        assertThat(document.title()).isEqualTo(title);
        assertThat(document.sourceUrl()).isEqualTo(BASE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"application/pdf", "image/png", "application/octet-stream", "text/csv", "application/xml"})
    void anyOtherTypeIsUnsupportedNamingWhatIs(String type) {
        assertThatThrownBy(() -> marshal("x", type))
                .isInstanceOfSatisfying(MarshalException.class, e -> {
                    assertThat(e.type()).isEqualTo(FailureType.UNSUPPORTED_TYPE);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining(type)
                .hasMessageContaining("text/html")
                .hasMessageContaining("text/markdown")
                .hasMessageContaining("text/plain")
                .hasMessageContaining("application/json");
    }

    @Test
    void anUntypedBodyIsJsonWhenItParsesAsJsonElseHtml() {
        Document json = marshal(" \n{\"name\": \"untyped\"}", null);
        Document notJson = marshal("[Intro] This text only looks like JSON.", null);
        Document html = marshal("<title>T</title><p>x</p>", "");

        assertThat(json.data()).isNotNull();
        assertThat(json.title()).isEqualTo("untyped");
        assertThat(notJson.data()).isNull();
        assertThat(notJson.blocks()).extracting(Block::plainText).containsExactly("[Intro] This text only looks like JSON.");
        assertThat(html.title()).isEqualTo("T");
    }

    @Test
    void aDocumentOverTheSizeCapIsTooLargeNamingTheLimitAndTheSetting() {
        Marshallers small = new Marshallers(16, Duration.ofSeconds(5));

        assertThat(small.marshal(bytes("sixteen bytes ok"), "text/plain", BASE).blocks()).hasSize(1);
        for (String type : new String[]{"text/html", "text/markdown", "text/plain", "application/json", null}) {
            assertThatThrownBy(() -> small.marshal(bytes("seventeen bytes!!"), type, BASE))
                    .as(type)
                    .isInstanceOfSatisfying(MarshalException.class,
                            e -> assertThat(e.type()).isEqualTo(FailureType.TOO_LARGE))
                    .hasMessageContaining("17 bytes")
                    .hasMessageContaining("16 bytes")
                    .hasMessageContaining("cartage.marshal.max-size");
        }
    }

    @Test
    void capsMustBePositive() {
        assertThatThrownBy(() -> new Marshallers(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Marshallers(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private Document marshal(String body, String type) {
        return marshallers.marshal(bytes(body), type, BASE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
