package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service whose operator set no output root (the default) refuses directory delivery, saying how to enable it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class DirectoryDeliveryUnconfiguredTest {

    @Autowired
    WebTestClient http;

    @Test
    void withoutAnOutputRootDirectoryDeliveryIsA400NamingDeliverTo() {
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sources", List.of(Map.of("pile", Map.of("count", 2))),
                        "deliver", Map.of("to", "directory", "path", "reports")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("deliver.to")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString())
                        .contains("needs an output root", "cartage.deliver.directory.root"));
    }
}
