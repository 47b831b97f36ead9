package dev.cartage.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Labelled facts about a page — title, byline, dates, addresses — as the item and reader pages list them in a
 * {@code <dl>}. A fact whose value is missing or blank is left out. Values are shown as escaped text; an address
 * becomes a link only when it is a plain http(s) URL, the rule the render stage's {@code SafeUrl} applies.
 */
final class PageFacts {

    private static final Pattern WEB = Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}\\p{Z}]+");

    /**
     * @param label what the value is, such as {@code Byline}
     * @param value the value as text
     * @param href  the value as a link target, or null when it is not an address or not a safe one
     */
    record Fact(String label, String value, String href) {
    }

    private final List<Fact> facts = new ArrayList<>();

    PageFacts text(String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            facts.add(new Fact(label, value.toString().strip(), null));
        }
        return this;
    }

    PageFacts address(String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value.strip(), webLink(value.strip())));
        }
        return this;
    }

    List<Fact> list() {
        return List.copyOf(facts);
    }

    /** The address if it may be a link on our pages: http(s) only, without whitespace or control characters. */
    static String webLink(String url) {
        return url != null && WEB.matcher(url).matches() ? url : null;
    }
}
