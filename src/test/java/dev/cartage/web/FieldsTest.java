package dev.cartage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class FieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Fields request = Fields.of(JSON.readTree("""
            {"stages": {"fetch": {"parallelism": 0, "buffer": 8, "timeout": "soon", "colour": "red"}},
             "sources": ["https://a.org", 7], "ordered": "yes", "overflow": "spill"}"""));

    @Test
    void aFieldIsNamedByItsPathFromTheTopOfTheRequest() {
        assertThat(request.child("stages").child("fetch").child("parallelism").path())
                .isEqualTo("stages.fetch.parallelism");
        assertThat(request.child("sources").child(1).path()).isEqualTo("sources[1]");
        assertThat(request.at("fetch.buffer", null).path()).isEqualTo("fetch.buffer");
    }

    @Test
    void aValueOutOfRangeIsRejectedUnderItsPathAndTheFallbackReturned() {
        Fields fetch = request.child("stages").child("fetch");

        assertThat(fetch.child("parallelism").integer(1, 64, 16)).isEqualTo(16);
        assertThat(fetch.child("buffer").integer(0, 64, 32)).isEqualTo(8);
        assertThat(fetch.child("retries").integer(0, 3, 1)).as("absent").isEqualTo(1);

        assertThat(request.errors()).singleElement()
                .isEqualTo(new FieldError("stages.fetch.parallelism", "must be a whole number from 1 to 64, was 0"));
    }

    @Test
    void unknownFieldsAreRefusedOneByOneListingWhatIsAllowed() {
        request.child("stages").child("fetch").refuseUnknown(Set.of("parallelism", "buffer", "timeout"));

        assertThat(request.errors()).singleElement().isEqualTo(new FieldError("stages.fetch.colour",
                "unknown field; expected one of [buffer, parallelism, timeout]"));
    }

    @Test
    void everyKindOfValueSaysWhatItExpectsAndEchoesTheValue() {
        assertThat(request.child("ordered").bool(false)).isFalse();
        assertThat(request.child("stages").child("fetch").child("timeout").duration()).isNull();
        assertThat(request.child("overflow").oneOf(name -> Optional.<String>empty(), "backpressure",
                "must be one of backpressure, error")).isEqualTo("backpressure");
        assertThat(request.child("sources").child(1).string()).isNull();

        assertThat(request.errors()).extracting(FieldError::message).containsExactly(
                "must be true or false, was \"yes\"",
                "'soon' is not a duration; use e.g. \"250ms\" or \"10s\"",
                "must be one of backpressure, error; was \"spill\"",
                "sources must be a string, was NUMBER");
    }

    @Test
    void aGoodDurationIsRead() {
        assertThat(Fields.named("hedgeAfter", JSON.readTree("\"250ms\"")).duration()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aFieldKnowsWhetherItOrAnythingInsideItWasRejected() {
        Fields sources = request.child("sources");
        sources.child(1).reject("not a source");

        assertThat(sources.hasErrors()).isTrue();
        assertThat(sources.child(1).hasErrors()).isTrue();
        assertThat(sources.child(0).hasErrors()).isFalse();
        assertThat(request.child("source").hasErrors()).as("a name that merely starts alike").isFalse();
    }

    @Test
    void theCheckEndsWithEveryProblemAtOnce() {
        request.child("ordered").bool(false);
        request.child("stages").child("fetch").child("parallelism").integer(1, 64, 16);

        assertThatThrownBy(request::throwIfInvalid).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("ordered", "stages.fetch.parallelism"));
        Fields.of(JSON.readTree("{}")).throwIfInvalid();
    }

    @Test
    void aLongValueIsCutShortWhenEchoed() {
        assertThat(Fields.abbreviate("x".repeat(500))).hasSize(201).endsWith("…");
        assertThat(Fields.abbreviate("short")).isEqualTo("short");
    }
}
