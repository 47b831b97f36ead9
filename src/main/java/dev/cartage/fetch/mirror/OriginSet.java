package dev.cartage.fetch.mirror;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The distinct origins ({@code scheme://host:port}) of one mirrored item's addresses, in a canonical order, and
 * for each origin the item's first address on it.
 *
 * <p>Balancing is per origin set, not per item: every item of a run whose addresses live on origins a, b and c
 * shares one balancer, whatever the paths and whatever order the request listed them in. That is why the order
 * here is sorted rather than the request's: {@code [a, b, c]} and {@code [c, a, b]} must name the same mirrors by
 * the same indexes.
 */
final class OriginSet {

    private final List<String> origins;
    private final List<URI> urls;

    private OriginSet(List<String> origins, List<URI> urls) {
        this.origins = origins;
        this.urls = urls;
    }

    static OriginSet of(List<URI> addresses) {
        TreeMap<String, URI> first = new TreeMap<>();
        for (URI url : addresses) {
            first.putIfAbsent(origin(url), url);
        }
        return new OriginSet(List.copyOf(first.keySet()), List.copyOf(new ArrayList<>(first.values())));
    }

    /**
     * {@code scheme://host:port} with the scheme and host in lower case and the port always written out, so that
     * {@code https://A/x} and {@code https://a:443/y} are one origin.
     */
    static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if (port < 0) {
            port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        }
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }

    /** Names the set: equal for two items exactly when they have the same origins. */
    String key() {
        return String.join(" ", origins);
    }

    int size() {
        return origins.size();
    }

    String origin(int mirror) {
        return origins.get(mirror);
    }

    /** The item's address on the {@code mirror}-th origin. */
    URI url(int mirror) {
        return urls.get(mirror);
    }
}
