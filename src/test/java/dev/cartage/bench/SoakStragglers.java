package dev.cartage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Render requests still unanswered well after the runs ended: the evidence is taken while they hang — their URIs
 * and ages, the service's own count of requests it is serving ({@code http_server_requests_active_seconds_count})
 * and a thread dump of the service (jcmd) next to its log — and after the load each hung page is asked once more,
 * alone, to tell a page that always hangs from a request lost under load.
 */
final class SoakStragglers {

    static final Duration GRACE = Duration.ofSeconds(20);

    private SoakStragglers() {
    }

    /** Waits for the render load; if it is not done within {@link #GRACE}, returns what hangs (else an empty list). */
    static List<String> await(CompletableFuture<Void> rendering, SoakRender render, SoakClient client, long pid,
                              Path logDir, Duration limit) throws Exception {
        try {
            rendering.get(GRACE.toSeconds(), TimeUnit.SECONDS);
            return List.of();
        } catch (TimeoutException hanging) {
            List<String> evidence = new ArrayList<>();
            List<String> waiting = render.inFlight();
            evidence.add(waiting.size() + " render request(s) unanswered " + GRACE.toSeconds()
                    + " s after the runs ended: " + waiting);
            String metrics = SoakConnections.prometheus(client);
            evidence.add("service's active requests (incl. this metrics request): " + SoakConnections.sum(metrics,
                    "http_server_requests_active_seconds_count", Map.of()) + "; fetch pool active "
                    + SoakConnections.sum(metrics, "reactor_netty_connection_provider_active_connections",
                    Map.of("name", "cartage-fetch")));
            evidence.add("service thread dump: " + threadDump(pid, logDir));
            rendering.get(limit.toSeconds(), TimeUnit.SECONDS);
            for (String entry : waiting) {
                String uri = entry.substring(entry.indexOf(" s ") + 3);
                try {
                    SoakClient.Answer again = client.get(uri, "retry").block(Duration.ofSeconds(60));
                    evidence.add("asked again alone: " + (again == null ? "nothing" : again.status() + " in "
                            + again.nanos() / 1_000_000 + " ms") + " " + uri);
                } catch (RuntimeException e) {
                    evidence.add("asked again alone: " + e + " " + uri);
                }
            }
            return evidence;
        }
    }

    private static String threadDump(long pid, Path logDir) {
        Path file = logDir.resolve("threads-" + Instant.now().toString().replace(':', '-') + ".txt");
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "Thread.print").redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
            return Files.size(file) > 0 ? file.toString() : "empty";
        } catch (IOException e) {
            return "failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
