package dev.cartage.deliver;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;

import dev.cartage.render.Format;

/**
 * The file an outcome is written to: {@code {seq}-{slug}.{ext}}, e.g. {@code 000042-getting-started.md}. The
 * zero-padded seq makes names unique within a run and sorts them in source order; the slug makes them readable; the
 * extension follows the format, so a file opens in the right program.
 */
final class OutcomeFileName {

    /** The longest slug, in characters: long enough to recognise a title, short enough for any file system. */
    static final int MAX_SLUG = 60;

    private OutcomeFileName() {
    }

    static String of(Outcome outcome) {
        return String.format(Locale.ROOT, "%06d-%s.%s", outcome.seq(), slug(outcome.title(), outcome.source()),
                extension(outcome.format()));
    }

    /**
     * The title lower-cased to ASCII letters, digits and single dashes (accents dropped: {@code Café} → {@code cafe}),
     * at most {@value #MAX_SLUG} characters; the last segment of the source's path when the title gives nothing;
     * {@code untitled} when neither does.
     */
    static String slug(String title, String source) {
        String slug = slugOf(title);
        if (slug.isEmpty()) {
            slug = slugOf(lastSegment(source));
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    /** The extension of a format's files, without the dot. */
    static String extension(String format) {
        Format known = Format.fromWireName(format).orElse(Format.TEXT);
        switch (known) {
            case MARKDOWN:
                return "md";
            case HTML:
            case CARD:
                return "html";
            case JSON:
                return "json";
            default:
                return "txt";
        }
    }

    private static String slugOf(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(Math.min(plain.length(), MAX_SLUG + 1));
        for (int i = 0; i < plain.length() && slug.length() <= MAX_SLUG; i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && slug.length() > 0
                    && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        }
        return trimmed(slug);
    }

    /** Cut to the maximum, preferably at a word boundary, without dashes at either end. */
    private static String trimmed(StringBuilder slug) {
        if (slug.length() > MAX_SLUG) {
            int lastDash = slug.lastIndexOf("-", MAX_SLUG);
            slug.setLength(lastDash > MAX_SLUG / 2 ? lastDash : MAX_SLUG);
        }
        while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '-') {
            slug.setLength(slug.length() - 1);
        }
        return slug.toString();
    }

    /** {@code getting-started} for {@code https://a.org/docs/getting-started.html?x=1}; null when there is none. */
    private static String lastSegment(String source) {
        if (source == null) {
            return null;
        }
        String path;
        try {
            URI uri = URI.create(source);
            path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        } catch (IllegalArgumentException e) {
            path = source;
        }
        if (path == null) {
            return null;
        }
        String segment = path.replaceAll("/+$", "");
        segment = segment.substring(segment.lastIndexOf('/') + 1);
        int dot = segment.lastIndexOf('.');
        return dot > 0 ? segment.substring(0, dot) : segment;
    }
}
