package dev.cartage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Cartage: the pipeline engine, its HTTP API and the built-in demo pile. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CartageApplication {

    /**
     * Netty's NIO transport for every server and client, not the native epoll one, unless the operator sets
     * {@code reactor.netty.native} explicitly.
     *
     * <p>Measured (2026-11-26, Netty 4.2.15, Linux, {@code README}'s "Transport"): bursts of 200 new keep-alive
     * connections to a freshly started service left 15 to 88 first requests per burst without any answer on epoll
     * (17 of 25 bursts), none on NIO (0 of 14), with the JDK's client as with Reactor Netty's. The lost requests
     * were all sent in the first 300 ms, on connections still being accepted. The same loss showed as a 30 s
     * timeout of a plain 400 in one CI run and as 1 request in 10,000 unanswered in the soak bench. The fetch
     * client had already left epoll for a similar fault (see {@code GuardedClient}). Set before Reactor Netty
     * reads it, which is when its first loop is created.
     */
    static final String TRANSPORT_PROPERTY = "reactor.netty.native";

    public static void main(String[] args) {
        if (System.getProperty(TRANSPORT_PROPERTY) == null) {
            System.setProperty(TRANSPORT_PROPERTY, "false");
        }
        SpringApplication.run(CartageApplication.class, args);
    }
}
