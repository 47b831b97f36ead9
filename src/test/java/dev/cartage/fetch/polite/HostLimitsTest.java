package dev.cartage.fetch.polite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The per-host permit and start spacing, driven by hand: who starts when, and that nothing leaks. */
class HostLimitsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HostLimits limits = new HostLimits(2, Schedulers.parallel(), System::nanoTime, meters);
    private final List<Integer> started = new CopyOnWriteArrayList<>();

    @Test
    void atMostTwoRequestsToOneHostRunAtOnceAndTheOthersStartInArrivalOrder() {
        List<Sinks.One<String>> requests = requests(5);
        requests.forEach(request -> run("a.example", request));

        assertThat(started).containsExactly(0, 1);
        requests.get(1).tryEmitValue("done");
        assertThat(started).containsExactly(0, 1, 2);
        requests.get(0).tryEmitValue("done");
        requests.get(2).tryEmitValue("done");
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        assertThat(meters.counter("cartage.fetch.host.permit.waits").count()).isEqualTo(3);
    }

    @Test
    void aRequestCancelledWhileWaitingLeavesTheQueueAndNeverStarts() {
        List<Sinks.One<String>> requests = requests(4);
        List<Disposable> runs = new ArrayList<>();
        requests.forEach(request -> runs.add(run("a.example", request)));

        runs.get(2).dispose();
        requests.get(0).tryEmitValue("done");

        assertThat(started).containsExactly(0, 1, 3);
        requests.get(1).tryEmitValue("done");
        requests.get(3).tryEmitValue("done");
        assertThat(limits.hostsTracked()).isZero();
    }

    @Test
    void aRequestCancelledWhileRunningGivesItsPermitToTheNext() {
        List<Sinks.One<String>> requests = requests(3);
        List<Disposable> runs = new ArrayList<>();
        requests.forEach(request -> runs.add(run("a.example", request)));

        runs.get(0).dispose();

        assertThat(started).containsExactly(0, 1, 2);
        assertThat(requests.get(0).currentSubscriberCount()).as("the cancelled request was cancelled").isZero();
        requests.get(1).tryEmitValue("done");
        requests.get(2).tryEmitValue("done");
        assertThat(limits.hostsTracked()).isZero();
    }

    @Test
    void aFailedRequestGivesItsPermitToTheNext() {
        List<Sinks.One<String>> requests = requests(3);
        requests.forEach(request -> run("a.example", request));

        requests.get(0).tryEmitError(new IllegalStateException("boom"));

        assertThat(started).containsExactly(0, 1, 2);
    }

    @Test
    void hostsHaveLimitsOfTheirOwn() {
        List<Sinks.One<String>> requests = requests(4);
        run("a.example", requests.get(0));
        run("a.example", requests.get(1));
        run("b.example", requests.get(2));
        run("b.example", requests.get(3));

        assertThat(started).containsExactly(0, 1, 2, 3);
        assertThat(limits.hostsTracked()).isEqualTo(2);
        requests.forEach(request -> request.tryEmitValue("done"));
        assertThat(limits.hostsTracked()).as("idle hosts are forgotten").isZero();
    }

    @Test
    void startsAtOneHostAreSpacedByTheIntervalOnATimerNotASleep() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        HostLimits spaced = new HostLimits(2, clock, () -> clock.now(TimeUnit.NANOSECONDS), new SimpleMeterRegistry());
        List<Long> startedAt = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            spaced.run("a.example", Duration.ofSeconds(1),
                    Mono.fromRunnable(() -> startedAt.add(clock.now(TimeUnit.MILLISECONDS)))).subscribe();
        }

        clock.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(startedAt).containsExactly(0L, 1_000L, 2_000L);
    }

    @Test
    void aRetryAfterHoldsBackTheHostsNextStarts() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        HostLimits paused = new HostLimits(2, clock, () -> clock.now(TimeUnit.NANOSECONDS), new SimpleMeterRegistry());
        ItemException overloaded = new ItemException(FailureType.HTTP_STATUS, "503", 503, true, null,
                Duration.ofSeconds(5));
        paused.run("a.example", Duration.ZERO, Mono.error(overloaded)).onErrorResume(e -> Mono.empty()).subscribe();
        List<Long> startedAt = new CopyOnWriteArrayList<>();

        paused.run("a.example", Duration.ZERO, Mono.fromRunnable(() -> startedAt.add(clock.now(TimeUnit.MILLISECONDS))))
                .subscribe();
        clock.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(startedAt).containsExactly(5_000L);
    }

    @Test
    void aHostIsRememberedUntilItsIntervalHasPassedAndThenSweptAway() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        HostLimits spaced = new HostLimits(2, clock, () -> clock.now(TimeUnit.NANOSECONDS), new SimpleMeterRegistry());
        spaced.run("a.example", Duration.ofSeconds(10), Mono.just("page")).subscribe();

        assertThat(spaced.hostsTracked()).as("the next start must still wait").isEqualTo(1);
        clock.advanceTimeBy(Duration.ofSeconds(10));
        spaced.sweep();
        assertThat(spaced.hostsTracked()).isZero();
    }

    @Test
    void underConcurrentCompletionsAndCancelsNoHostExceedsItsCapAndNoPermitLeaks() {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
        List<String> hosts = List.of("a.example", "b.example", "c.example");

        Flux.range(0, 3_000)
                .flatMap(i -> {
                    String host = hosts.get(i % hosts.size());
                    Mono<Integer> request = Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(3)))
                            .thenReturn(i)
                            .doOnSubscribe(s -> {
                                int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                                maxInFlight.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                            })
                            // counted out before the answer travels on (and the permit with it), as a server would
                            .doOnSuccess(value -> inFlight.get(host).decrementAndGet())
                            .doOnCancel(() -> inFlight.get(host).decrementAndGet());
                    // about a third are cancelled by a timeout, while waiting or while running
                    return limits.run(host, Duration.ZERO, request)
                            .timeout(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 8)))
                            .onErrorResume(error -> Mono.empty());
                }, 256)
                .blockLast(Duration.ofMinutes(1));

        assertThat(maxInFlight.values()).allSatisfy(max -> assertThat(max.get()).isBetween(1, 2));
        assertThat(limits.hostsTracked()).isZero();
        List<Sinks.One<String>> fresh = requests(2);
        fresh.forEach(request -> run("a.example", request));
        assertThat(started).as("both permits are free again").containsExactly(0, 1);
    }

    private List<Sinks.One<String>> requests(int count) {
        List<Sinks.One<String>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(Sinks.one());
        }
        return requests;
    }

    private Disposable run(String host, Sinks.One<String> request) {
        int index = indexOf(request);
        return limits.run(host, Duration.ZERO, Mono.defer(() -> {
                    started.add(index);
                    return request.asMono();
                }))
                .onErrorResume(error -> Mono.empty())
                .subscribe();
    }

    private final Map<Sinks.One<String>, Integer> indexes = new ConcurrentHashMap<>();

    private int indexOf(Sinks.One<String> request) {
        return indexes.computeIfAbsent(request, r -> indexes.size());
    }
}
