package dev.cartage.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;

/**
 * The one rule for "a URL Cartage can fetch" that request entries and the addresses found inside sitemaps and
 * feeds share: absolute, http or https, with a host. Whether the target may be fetched at all is the fetch
 * stage's guard's business, not this class's.
 */
final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * {@code text} (surrounding whitespace removed) as an absolute http(s) URL.
     *
     * @throws ItemException of type {@code invalid-url} saying what is wrong, in words fit for a 400 answer
     */
    static URI parse(String text) {
        String trimmed = text.strip();
        URI url;
        try {
            url = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("not a valid URL: " + e.getReason() + " in '" + abbreviate(trimmed) + "'");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("only absolute http and https URLs can be fetched, not '" + abbreviate(trimmed) + "'");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw invalid("the URL '" + abbreviate(trimmed) + "' has no host");
        }
        return url;
    }

    /** Long texts cut to 200 characters, so that one bad entry cannot blow up an error message. */
    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static ItemException invalid(String message) {
        return new ItemException(FailureType.INVALID_URL, message);
    }
}
