package dev.cartage.marshal;

import org.jsoup.internal.StringUtil;

import java.util.Locale;
import java.util.Set;

/**
 * Makes a link or image address from a non-HTML document absolute against the document's URL, with the same
 * rules as for HTML pages: links keep http, https and mailto targets, images only http(s); anything else
 * ({@code javascript:}, {@code data:}, a relative address without a base) is no target at all.
 */
final class LinkTargets {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");
    private static final int MAX_CHARS = 2_000;

    private LinkTargets() {
    }

    /** The link target as an absolute http, https or mailto URL, or null. */
    static String link(String baseUrl, String destination) {
        return absolute(baseUrl, destination, LINK_SCHEMES);
    }

    /** The image address as an absolute http(s) URL, or null. */
    static String image(String baseUrl, String destination) {
        return absolute(baseUrl, destination, IMAGE_SCHEMES);
    }

    private static String absolute(String baseUrl, String destination, Set<String> schemes) {
        if (destination == null || destination.isBlank() || destination.length() > MAX_CHARS) {
            return null;
        }
        String raw = destination.strip();
        String resolved = baseUrl == null || baseUrl.isEmpty() ? raw : StringUtil.resolve(baseUrl, raw);
        if (resolved.isEmpty() || !schemes.contains(scheme(resolved))) {
            return null;
        }
        for (int i = 0; i < resolved.length(); i++) {
            char c = resolved.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return null;
            }
        }
        return resolved;
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
