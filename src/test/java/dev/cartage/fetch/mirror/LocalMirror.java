package dev.cartage.fetch.mirror;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A local origin playing one mirror for tests: {@code /page/{n}} answers a small HTML page, or hangs, or answers a
 * status. It counts the page requests it received and, for hanging ones, the connections closed under them — how
 * an origin observes that a client gave up on it. Other paths (robots.txt, say) answer 404 and are not counted.
 */
final class LocalMirror implements AutoCloseable {

    enum Behaviour { ANSWER, HANG, NOT_FOUND, UNAVAILABLE }

    private final DisposableServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger closedWhileHanging = new AtomicInteger();

    private LocalMirror(Behaviour behaviour) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/page/{n}", (request, response) -> {
                    requests.incrementAndGet();
                    switch (behaviour) {
                        case HANG:
                            request.withConnection(connection -> connection.onDispose(closedWhileHanging::incrementAndGet));
                            return Mono.never();
                        case NOT_FOUND:
                            return response.status(404).send();
                        case UNAVAILABLE:
                            return response.status(503).send();
                        default:
                            return response.header("Content-Type", "text/html;charset=UTF-8")
                                    .sendString(Mono.just("<html><head><title>Page " + request.param("n")
                                            + "</title></head><body><main><h1>Page " + request.param("n")
                                            + "</h1><p>Served by " + origin() + ".</p></main></body></html>"));
                    }
                }))
                .bindNow();
    }

    static LocalMirror start(Behaviour behaviour) {
        return new LocalMirror(behaviour);
    }

    URI page(int n) {
        return URI.create(origin() + "/page/" + n);
    }

    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Page requests received. */
    int requests() {
        return requests.get();
    }

    /** Connections closed while a hanging page request was waiting on them. */
    int closedWhileHanging() {
        return closedWhileHanging.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
