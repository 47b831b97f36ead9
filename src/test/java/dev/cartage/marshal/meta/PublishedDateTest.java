package dev.cartage.marshal.meta;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedDateTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2024-03-05T10:00:00+01:00          | 2024-03-05T10:00:00+01:00",
            "2024-03-05T10:00:00Z               | 2024-03-05T10:00:00Z",
            "2024-03-05T10:00Z                  | 2024-03-05T10:00:00Z",
            "2024-03-05t10:00:00.123456z        | 2024-03-05T10:00:00.123456Z",
            "2024-03-05T10:00:00+0100           | 2024-03-05T10:00:00+01:00",
            "2024-03-05T10:00:00-05             | 2024-03-05T10:00:00-05:00",
            "2024-03-05 10:00:00                | 2024-03-05T10:00:00",
            "2024-03-05 10:00:00 +01:00         | 2024-03-05T10:00:00+01:00",
            "2024-03-05T10:00:00                | 2024-03-05T10:00:00",
            "2024-03-05                         | 2024-03-05",
            "2024-03-05T10:00:00+01:00[Europe/Paris] | 2024-03-05T10:00:00+01:00",
            "'Tue, 5 Mar 2024 10:00:00 GMT'     | 2024-03-05T10:00:00Z",
            "March 5th, 2024                    | March 5th, 2024",
            "2024-13-45                         | 2024-13-45",
    })
    void commonFormsBecomeIsoAndOthersAreKeptAsGiven(String declared, String normalised) {
        assertThat(PublishedDate.normalise(declared)).isEqualTo(normalised);
    }
}
