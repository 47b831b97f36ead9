package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonMarshallerTest {

    private final Marshallers marshallers = new Marshallers(1 << 20, Duration.ofSeconds(5));

    @Test
    void jsonIsKeptAsDataAndShownAsOnePrettyCodeBlock() {
        Document document = marshal("{\"title\": \" The  data \", \"items\": [1, 2], \"nested\": {\"a\": null}}",
                "application/json");

        assertThat(document.data().get("items").get(1).asInt()).isEqualTo(2);
        assertThat(document.title()).isEqualTo("The data");
        assertThat(document.blocks()).hasSize(1);
        Block.CodeBlock code = (Block.CodeBlock) document.blocks().get(0);
        assertThat(code.language()).isEqualTo("json");
        assertThat(code.code()).contains("\n").contains("\"items\"");
        assertThat(code.code().lines().count()).isGreaterThan(5);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "{\"name\": \"By name\"}                   | By name",
            "{\"title\": 3, \"name\": \"Name wins\"}   | Name wins",
            "{\"title\": \"   \"}                      | null",
            "[{\"title\": \"not top-level\"}]          | null",
            "\"just a string\"                         | null",
            "42                                        | null"})
    void theTitleIsATopLevelTitleOrNameString(String json, String title) {
        assertThat(marshal(json, "application/json").title()).isEqualTo(title);
    }

    @Test
    void structuredSuffixTypesAreJsonToo() {
        assertThat(marshal("{\"a\": 1}", "application/ld+json").data().get("a").asInt()).isEqualTo(1);
        assertThat(marshal("{\"a\": 1}", "application/problem+json; charset=utf-8").data()).isNotNull();
    }

    @Test
    void invalidJsonFailsAsParseNamingWhereItBroke() {
        assertThatThrownBy(() -> marshal("{\n  \"a\": 1,\n  \"b\": ]\n}", "application/json"))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.PARSE))
                .hasMessageContaining("line 3, column");
        assertThatThrownBy(() -> marshal("{\"a\": 1} trailing", "application/json"))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.PARSE));
        assertThatThrownBy(() -> marshal("  ", "application/json"))
                .isInstanceOfSatisfying(MarshalException.class, e -> assertThat(e.type()).isEqualTo(FailureType.PARSE))
                .hasMessageContaining("empty");
    }

    private Document marshal(String json, String type) {
        return marshallers.marshal(json.getBytes(StandardCharsets.UTF_8), type, "https://api.example.org/x");
    }
}
