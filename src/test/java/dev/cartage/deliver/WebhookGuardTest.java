package dev.cartage.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cartage.run.RunStatus;
import dev.cartage.support.RunsApi;
import reactor.core.publisher.Mono;

/**
 * The webhook URL passes the same SSRF guard as fetch, with no allow rule here: denied addresses, odd schemes and
 * malformed values are a 400 naming {@code deliver.url} before the run starts, and a name that resolves to
 * loopback is refused when the connection is opened — the receiver listening there sees no request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class WebhookGuardTest {

    /** Listens on loopback; {@code inside.test} resolves to it. Its port is allowed so that only the address counts. */
    private static final WebhookReceiver receiver = new WebhookReceiver((path, attempt) -> Mono.just(200));

    @TestConfiguration(proxyBeanMethods = false)
    static class Names {
        @Bean
        AddressResolverGroup<InetSocketAddress> testResolver() {
            return new LoopbackNames();
        }
    }

    @DynamicPropertySource
    static void allowTheReceiversPort(DynamicPropertyRegistry properties) {
        properties.add("cartage.fetch.guard.ports", () -> "80,443," + receiver.port());
    }

    @Autowired
    WebTestClient http;

    @AfterEach
    void nothingReachedTheReceiver() {
        assertThat(receiver.hits("/hook")).isEmpty();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    static Stream<Arguments> refusedWebhooks() {
        int port = receiver.port();
        return Stream.of(
                refused("the metadata address", "\"http://169.254.169.254/x\"", "link-local"),
                refused("a private address", "\"http://10.0.0.1/\"", "private"),
                refused("IPv6 loopback", "\"http://[::1]:8080/\"", "loopback"),
                refused("IPv4 loopback on an allowed port", "\"http://127.0.0.1:" + port + "/hook\"", "loopback"),
                refused("loopback written in hex", "\"http://0x7f.1:" + port + "/hook\"", "loopback"),
                refused("the name localhost", "\"http://localhost:" + port + "/hook\"", "loopback"),
                refused("a port not allowed", "\"http://hooks.example:8080/x\"", "cartage.fetch.guard.ports"),
                refused("a file URL", "\"file:///etc/passwd\"", "not an http(s) URL"),
                refused("an ftp URL", "\"ftp://hooks.example/x\"", "not an http(s) URL"),
                refused("a relative URL", "\"/hook\"", "not an http(s) URL"),
                refused("a URL without host", "\"http:///hook\"", "names no host"),
                refused("a URL that does not parse", "\"http://hooks example/\"", "not a valid URL"),
                refused("user info", "\"https://user:secret@hooks.example/x\"", "user info"),
                refused("a fragment", "\"https://hooks.example/x#top\"", "fragment"),
                refused("a URL too long", "\"https://hooks.example/" + "a".repeat(2048) + "\"", "at most 2048"),
                refused("a number", "42", "must be a string"),
                refused("an object", "{\"href\": \"https://hooks.example/x\"}", "must be a string"),
                refused("null", "null", "needs its url"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedWebhooks")
    void aWebhookUrlTheGuardRefusesIsA400NamingDeliverUrl(String name, String url, String why) {
        String body = "{\"sources\": [{\"inline\": \"<p>x</p>\", \"type\": \"text/html\"}], "
                + "\"deliver\": {\"to\": \"webhook\", \"url\": " + url + "}}";
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("deliver.url")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains(why));
    }

    @Test
    void aWebhookWithoutUrlIsA400NamingDeliverUrl() {
        http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sources\": [\"https://a.org\"], \"deliver\": {\"to\": \"webhook\"}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("deliver.url")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains("needs its url"));
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAtConnectTimeAsAFailedDelivery() {
        RunsApi runs = new RunsApi(http);
        RunStatus run = runs.start(Map.of(
                "sources", List.of(Map.of("inline", "<h1>Secret</h1><p>x</p>", "type", "text/html")),
                "deliver", Map.of("to", "webhook", "url", receiver.url("inside.test", "/hook").toString())));

        List<Outcome> records = runs.results(run.id());

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo("failed");
            assertThat(record.error().stage()).isEqualTo("deliver");
            assertThat(record.error().type()).isEqualTo("deliver");
            assertThat(record.error().message())
                    .startsWith("webhook " + receiver.url("inside.test", "/hook") + " was not contacted: refused to connect to inside.test at 127.0.0.1")
                    .contains("loopback")
                    .endsWith(" after 1 attempt");
        });
        assertThat(runs.status(run.id()).items()).isEqualTo(new RunStatus.Items(1L, 0, 1));
    }

    private static Arguments refused(String name, String url, String why) {
        return Arguments.of(name, url, why);
    }

    /** Test DNS: {@code inside.test} answers 127.0.0.1; every other name is unknown. No query leaves the machine. */
    static final class LoopbackNames extends AddressResolverGroup<InetSocketAddress> {

        @Override
        protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
            return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {
                @Override
                protected boolean doIsResolved(InetSocketAddress address) {
                    return !address.isUnresolved();
                }

                @Override
                protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
                    promise.setFailure(new UnsupportedOperationException("resolveAll is what the guard asks"));
                }

                @Override
                protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
                    if (!unresolved.getHostString().equalsIgnoreCase("inside.test")) {
                        promise.setFailure(new UnknownHostException(unresolved.getHostString()));
                        return;
                    }
                    try {
                        InetAddress loopback = InetAddress.getByAddress("inside.test", new byte[] {127, 0, 0, 1});
                        promise.setSuccess(List.of(new InetSocketAddress(loopback, unresolved.getPort())));
                    } catch (UnknownHostException impossible) {
                        promise.setFailure(impossible);
                    }
                }
            };
        }
    }
}
