package dev.cartage.fetch.polite;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.cartage.fetch.guard.TargetGuard;
import dev.cartage.pipeline.AttemptTimeout;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Manners towards origins, around every request the fetch stage sends (each redirect hop included):
 * <ol>
 *   <li>robots.txt: a URL it disallows fails the item with {@code robots} (not retried), see {@link RobotsFetch}
 *       for what counts as disallowed when robots.txt cannot be read;</li>
 *   <li>a per-host permit: at most {@code host-concurrency} requests in flight per host, the rest wait in
 *       arrival order without holding a thread;</li>
 *   <li>spacing: request starts at one host at least {@code host-delay} apart, or the robots.txt
 *       {@code Crawl-delay} (capped by {@code max-crawl-delay}) when longer; an origin's {@code Retry-After}
 *       holds back that host's next starts too;</li>
 *   <li>the request itself, limited by the fetch stage's per-attempt timeout ({@link AttemptTimeout}).</li>
 * </ol>
 * Only the last step counts against the timeout: waiting for robots.txt, a permit or a start slot is our own
 * politeness, not the origin being slow. Targets a {@link PolitenessExemption} covers (the built-in pile) are exempt
 * from steps 1 to 3 and never asked for their robots.txt (docs/api.md).
 *
 * <p>Metrics: {@code cartage.fetch.robots.denials}, and those of {@link RobotsFetch} and {@link HostLimits}.
 */
public class Politeness {

    private final List<PolitenessExemption> exemptions;
    private final RobotsCache robots;
    private final HostLimits hosts;
    private final Duration hostDelay;
    private final Duration maxCrawlDelay;
    private final Counter denials;

    /** No manners at all, only the per-attempt timeout: for tests and benchmarks of the engine, not of origins. */
    public Politeness() {
        this.exemptions = List.of();
        this.robots = null;
        this.hosts = null;
        this.hostDelay = Duration.ZERO;
        this.maxCrawlDelay = Duration.ZERO;
        this.denials = null;
    }

    /**
     * @param properties the manners' settings
     * @param client     the fetch stage's guarded client, which also reads robots.txt
     * @param userAgent  the fetch stage's {@code User-Agent}, the name robots.txt groups are matched against
     * @param guard      the fetch stage's guard, which robots.txt redirects are checked against too
     * @param exemptions targets without manners (the pile's)
     */
    public Politeness(PolitenessProperties properties, HttpClient client, String userAgent, TargetGuard guard,
                      List<PolitenessExemption> exemptions, MeterRegistry meters) {
        this.exemptions = List.copyOf(exemptions);
        this.robots = properties.robots().enabled()
                ? new RobotsCache(properties.robots(),
                        new RobotsFetch(client, guard, userAgent, properties.robots(), meters))
                : null;
        this.hosts = new HostLimits(properties.hostConcurrency(), Schedulers.parallel(), System::nanoTime, meters);
        this.hostDelay = properties.hostDelay();
        this.maxCrawlDelay = properties.maxCrawlDelay();
        this.denials = meters.counter("cartage.fetch.robots.denials");
    }

    /**
     * {@code request}, subscribed only once {@code target}'s origin allows it and its host has room, and limited by
     * the stage's per-attempt timeout. Fails with a {@code robots} {@link ItemException} when robots.txt disallows
     * {@code target}. Cancelling the result while it waits gives up its place without leaving a permit behind.
     */
    public <T> Mono<T> around(URI target, Mono<T> request) {
        Mono<T> timed = AttemptTimeout.around(request);
        // a URL without a host is not ours to judge: the exchange fails it
        if (hosts == null || target.getHost() == null || exempt(target)) {
            return timed;
        }
        if (robots == null) {
            return hosts.run(hostOf(target), hostDelay, timed);
        }
        return Mono.defer(() -> robots.rulesFor(target))
                .flatMap(rules -> admitted(target, rules, timed));
    }

    /** Hosts whose limits are being tracked now: the map of per-host lanes, which must not grow without bound. */
    int hostsTracked() {
        return hosts == null ? 0 : hosts.hostsTracked();
    }

    private <T> Mono<T> admitted(URI target, OriginRules rules, Mono<T> timed) {
        ItemException refusal = rules.refusalOf(target);
        if (refusal != null) {
            if (refusal.type() == FailureType.ROBOTS) {
                denials.increment();
            }
            return Mono.error(refusal);
        }
        return hosts.run(hostOf(target), spacing(rules), timed);
    }

    private boolean exempt(URI target) {
        for (PolitenessExemption exemption : exemptions) {
            if (exemption.exempts(target)) {
                return true;
            }
        }
        return false;
    }

    private Duration spacing(OriginRules rules) {
        Duration crawlDelay = rules.crawlDelay().compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : rules.crawlDelay();
        return crawlDelay.compareTo(hostDelay) > 0 ? crawlDelay : hostDelay;
    }

    private static String hostOf(URI target) {
        return target.getHost().toLowerCase(Locale.ROOT);
    }
}
