package dev.cartage.support;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A local origin that answers one hostile HTML page at {@code /hostile}, for the tests that show fetched content. */
public final class HostileOrigin implements AutoCloseable {

    private final DisposableServer server;

    private HostileOrigin(DisposableServer server) {
        this.server = server;
    }

    /** Starts the origin on a free loopback port. */
    public static HostileOrigin serving(String html) {
        return new HostileOrigin(HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/hostile", (request, response) -> response
                        .header("Content-Type", "text/html;charset=UTF-8").sendString(Mono.just(html))))
                .bindNow());
    }

    public int port() {
        return server.port();
    }

    /** The page's address, {@code http://127.0.0.1:{port}/hostile}. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/hostile";
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
