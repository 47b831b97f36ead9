package dev.cartage.pile;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Where the pile is served and which URLs a pile source stands for.
 *
 * <p>The base URL is {@code cartage.pile.base-url} when set; otherwise the service's own local address,
 * {@code http://127.0.0.1:{port}}, learned when the main web server starts (a separate management server is
 * ignored). Before that, and without the property, {@link #baseUrl()} fails.
 */
@Component
public class PileOrigin implements ApplicationListener<WebServerInitializedEvent> {

    private static final String PILE_PATH = "/pile";

    private final PileProperties properties;
    private volatile URI localBaseUrl;

    public PileOrigin(PileProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localBaseUrl = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
        }
    }

    /**
     * The URL the pile's paths are appended to, without a trailing slash.
     *
     * @throws IllegalStateException if no base URL is configured and the web server has not started yet
     */
    public URI baseUrl() {
        if (properties.baseUrl() != null) {
            return properties.baseUrl();
        }
        URI local = localBaseUrl;
        if (local == null) {
            throw new IllegalStateException("The pile's base URL is not known yet: the web server has not "
                    + "started. Set cartage.pile.base-url to use the pile without it.");
        }
        return local;
    }

    /**
     * Returns {@code query} if it is within the configured limits.
     *
     * @throws PileQueryException naming {@code count} or {@code latency} if it is not
     */
    public PileQuery requireWithinLimits(PileQuery query) {
        if (query.count() > properties.maxCount()) {
            throw new PileQueryException("count", query.count(), "count " + query.count()
                    + " is above the limit of " + properties.maxCount() + " pages (cartage.pile.max-count)");
        }
        requireLatencyWithinLimit(query.latency());
        return query;
    }

    /**
     * The URLs of the pages of {@code query}, {@code {base}/pile/manuals/{n}?seed=..&latency=..&failEvery=..}
     * for {@code n = 0 ... count-1} in order. Lazy: each URL is made when requested, so taking a few of a large
     * pile costs only those few. Signals {@link PileQueryException} if the query is outside the limits and
     * {@link IllegalStateException} if the base URL is not known yet, both on subscription.
     */
    public Flux<String> manualUrls(PileQuery query) {
        return Flux.defer(() -> {
            requireWithinLimits(query);
            String prefix = manualPrefix();
            String parameters = query.pageParameters();
            return Flux.range(0, query.count()).map(n -> prefix + n + "?" + parameters);
        });
    }

    /** The URL of page {@code n} of {@code query}, as {@link #manualUrls} lists it. */
    public String manualUrl(PileQuery query, int n) {
        return manualPrefix() + n + "?" + query.pageParameters();
    }

    /** {@code {base}/pile?count=..&seed=..&latency=..&failEvery=..}: the JSON listing of {@code query}. */
    public String listingUrl(PileQuery query) {
        return baseUrl() + PILE_PATH + "?" + query.listParameters();
    }

    /** {@code {base}/pile/sitemap.xml?count=..&seed=..&latency=..&failEvery=..}. */
    public String sitemapUrl(PileQuery query) {
        return baseUrl() + PILE_PATH + "/sitemap.xml?" + query.listParameters();
    }

    /** {@code {base}/pile/feed.xml?count=..&seed=..&latency=..&failEvery=..}. */
    public String feedUrl(PileQuery query) {
        return baseUrl() + PILE_PATH + "/feed.xml?" + query.listParameters();
    }

    /**
     * Whether {@code url} is served by the pile: same scheme, host and port as the base URL and a path at or
     * under {@code /pile} once normalized. False if the base URL is not known yet.
     */
    public boolean isPileUrl(URI url) {
        URI base = properties.baseUrl() != null ? properties.baseUrl() : localBaseUrl;
        if (base == null || url == null || url.getScheme() == null || url.getRawPath() == null) {
            return false;
        }
        String pile = (base.getRawPath() == null ? "" : base.getRawPath()) + PILE_PATH;
        String path = url.normalize().getRawPath();
        return base.getScheme().equalsIgnoreCase(url.getScheme())
                && base.getHost().equalsIgnoreCase(url.getHost())
                && port(base) == port(url)
                && (path.equals(pile) || path.startsWith(pile + "/"));
    }

    Duration requireLatencyWithinLimit(Duration latency) {
        if (latency.compareTo(properties.maxLatency()) > 0) {
            throw new PileQueryException("latency", Latency.format(latency), "latency " + Latency.format(latency)
                    + " is above the limit of " + Latency.format(properties.maxLatency())
                    + " (cartage.pile.max-latency)");
        }
        return latency;
    }

    private String manualPrefix() {
        return baseUrl() + PILE_PATH + "/manuals/";
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
