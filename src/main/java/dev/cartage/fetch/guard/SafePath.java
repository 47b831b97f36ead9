package dev.cartage.fetch.guard;

import java.net.URI;
import java.util.Locale;

/**
 * The path of a URL in the one form an allow rule's path prefix is compared with: plain.
 *
 * <p>Servers disagree about dot segments, doubled slashes, {@code ;} parameters and percent-encoded dots, slashes
 * and backslashes ({@code /pile/..;/actuator}, {@code /pile/%2e%2e/actuator}, {@code /pile//../actuator}). Instead
 * of guessing how the origin will read such a path, the guard lets no path rule admit it. A plain path is its own
 * normal form ({@link URI#normalize()} leaves it unchanged), so the prefix is matched on the normalised path.
 */
final class SafePath {

    private static final String[] ENCODED_SEPARATORS = {"%2e", "%2f", "%5c", "%25", "%00", "%3b"};

    private SafePath() {
    }

    /** The raw path of {@code url} ({@code /} when it has none), or null when it is not plain. */
    static String of(URI url) {
        String raw = url.getRawPath();
        return of(raw == null || raw.isEmpty() ? "/" : raw);
    }

    /** {@code path} when it is plain, otherwise null. */
    static String of(String path) {
        if (!path.startsWith("/") || path.contains("//") || path.indexOf(';') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String encoded : ENCODED_SEPARATORS) {
            if (lower.contains(encoded)) {
                return null;
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
                return null;
            }
        }
        return path;
    }
}
