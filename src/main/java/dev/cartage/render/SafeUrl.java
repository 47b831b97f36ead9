package dev.cartage.render;

import java.util.regex.Pattern;

/**
 * The URL allowlist of the HTML formats: a URL reaches a page only when it is plainly {@code http(s)} (or
 * {@code mailto} for a link), written without whitespace or control characters.
 *
 * <p>The check is deliberately stricter than browsers: browsers strip tabs, line breaks and leading control
 * characters before reading a scheme, which is how {@code jav&#x09;ascript:} and {@code \u0001javascript:} get
 * through naive filters. Refusing any URL that holds such characters at all removes that whole class of tricks
 * instead of imitating the browser's repair.
 */
final class SafeUrl {

    private static final Pattern WEB = Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}\\p{Z}]+");
    private static final Pattern MAIL = Pattern.compile("(?i)mailto:[^\\s\\p{Cntrl}\\p{Z}/][^\\s\\p{Cntrl}\\p{Z}]*");

    private SafeUrl() {
    }

    /** The URL when it is an {@code http} or {@code https} address, else null (so an image or a link is dropped). */
    static String web(String url) {
        return url != null && WEB.matcher(url).matches() ? url : null;
    }

    /** The URL when it may be a link target: {@code http}, {@code https} or {@code mailto}; else null. */
    static String link(String url) {
        if (url == null) {
            return null;
        }
        return WEB.matcher(url).matches() || MAIL.matcher(url).matches() ? url : null;
    }
}
