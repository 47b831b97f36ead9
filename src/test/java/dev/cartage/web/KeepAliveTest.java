package dev.cartage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Every request on one kept-alive connection is answered, also when the client sends it the moment the previous
 * answer arrived, before the server has finished that exchange. Two things make that moment long enough to matter:
 * an answer written off the event loop (a run looked up in the store) and a request whose body the server never
 * reads (a {@code PUT} answered 405). The server then queues the next request behind the unread body; a server that
 * forgot to read on after draining that queue left the request after it without an answer, on a connection that
 * stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveTest {

    private static final int ROUNDS = 300;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Test
    void everyRequestOnOneKeptAliveConnectionIsAnswered() {
        ConnectionProvider oneConnection = ConnectionProvider.create("one-kept-alive-connection", 1);
        HttpClient client = HttpClient.create(oneConnection).host("127.0.0.1").port(port).keepAlive(true);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                statuses.add(send(client, HttpMethod.GET, "/api/runs/r-nope", null));
                statuses.add(send(client, HttpMethod.PUT, "/api/runs", "{\"sources\": []}"));
                statuses.add(send(client, HttpMethod.DELETE, "/api/render", null));
            }

            assertThat(statuses).hasSize(3 * ROUNDS).containsOnly(404, 405);
            assertThat(statuses.stream().filter(status -> status == 405)).hasSize(2 * ROUNDS);
        }
        finally {
            oneConnection.disposeLater().block(PATIENCE);
        }
    }

    /** The status of one exchange, or a failure naming the request that went unanswered. */
    private static int send(HttpClient client, HttpMethod method, String path, String json) {
        HttpClient withHeaders = json == null ? client
                : client.headers(headers -> headers.set("Content-Type", "application/json"));
        Integer status = withHeaders.request(method).uri(path)
                .send((request, out) -> json == null ? out : out.sendString(Mono.just(json), StandardCharsets.UTF_8))
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                .timeout(PATIENCE, Mono.error(() -> new AssertionError(method + " " + path + " got no answer in " + PATIENCE)))
                .block();
        return status == null ? -1 : status;
    }
}
