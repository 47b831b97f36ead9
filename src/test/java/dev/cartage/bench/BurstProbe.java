package dev.cartage.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A burst of new connections against a service that has just started: {@code clients} threads, each on its own
 * keep-alive connection of the JDK's HTTP client, loop {@code GET path} (with {@code {n}} replaced by a random
 * number) for {@code seconds}; a request without an answer within 10 s is lost, and the time it was sent is
 * printed. Run it in its own JVM right after the service reports healthy (see docs/benchmarks-soak.md,
 * "Lost first requests on epoll"); this is the probe that showed epoll losing first requests.
 *
 * <p>{@code java -cp target/test-classes:<test classpath> dev.cartage.bench.BurstProbe PORT 200 10 '/api/render?format=pdf&url=https://example.org/{n}'}
 */
public final class BurstProbe {

    private BurstProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String path = args[3];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();
        AtomicLong answered = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    String target = path.replace("{n}", Integer.toString(ThreadLocalRandom.current().nextInt(10_000)));
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                            .timeout(Duration.ofSeconds(10)).build();
                    try {
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                        answered.incrementAndGet();
                    } catch (HttpTimeoutException e) {
                        lost.incrementAndGet();
                        System.out.println("lost: request sent at " + (sent - start) / 1_000_000 + " ms");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("answered " + answered + ", lost " + lost);
        System.exit(0);
    }
}
