package dev.cartage.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import dev.cartage.web.Fields;

/**
 * The one rule for "a URL Cartage can fetch" that request entries and the addresses found inside sitemaps and
 * feeds share: absolute, http or https, with a host. Whether the target may be fetched at all is the fetch
 * stage's guard's business, not this class's.
 */
final class HttpUrls {

    /**
     * The longest URL accepted, in characters. RFC 9110 asks every recipient to read URLs of at least 8,000
     * octets and many servers read no more than 8 KiB, so a longer one could not be fetched anywhere; refusing it
     * here makes it a 400 before the run starts instead of a failed item later.
     */
    static final int MAX_LENGTH = 8_192;

    private HttpUrls() {
    }

    /**
     * {@code text} (surrounding whitespace removed) as an absolute http(s) URL.
     *
     * @throws ItemException of type {@code invalid-url} saying what is wrong, in words fit for a 400 answer
     */
    static URI parse(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid("a URL may be at most " + MAX_LENGTH + " characters long, this one has " + trimmed.length()
                    + " ('" + abbreviate(trimmed) + "')");
        }
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
        if (url.getPort() == 0 || url.getPort() > 65_535) {
            throw invalid("the port of '" + abbreviate(trimmed) + "' is not a number from 1 to 65535");
        }
        return url;
    }

    /** Long texts cut to 200 characters, so that one bad entry cannot blow up an error message. */
    static String abbreviate(String text) {
        return Fields.abbreviate(text);
    }

    private static ItemException invalid(String message) {
        return new ItemException(FailureType.INVALID_URL, message);
    }
}
