package dev.cartage.render;

import dev.cartage.marshal.Document;
import dev.cartage.marshal.meta.Metadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code html} format: a standalone reader page from the service's template {@code render/reader.html} —
 * title, byline, site, date, reading time and source link, then the content.
 *
 * <p>The page works under a strict Content-Security-Policy that it also carries in a {@code <meta>} element:
 * nothing may run, only images load, and the one {@code <style>} block is allowed by its SHA-256 hash. The hash
 * is taken from the page as rendered when this renderer is built, so it always matches the template.
 */
final class ReaderPage {

    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final Templates templates;
    private final String policy;

    ReaderPage(Templates templates) {
        this.templates = templates;
        // rendering once here parses and caches the template off the CPU workers and yields the style to hash
        String sample = page(new Document("sample", "https://example.org/", "en", null, List.of()), "");
        this.policy = "default-src 'none'; img-src http: https: data:; style-src '" + styleHash(sample)
                + "'; base-uri 'none'; form-action 'none'";
    }

    /** The page's Content-Security-Policy, also to be sent as a response header with it. */
    String policy() {
        return policy;
    }

    Rendered render(Document document) {
        return new Rendered(Format.HTML, Format.HTML.mediaType(), document.title(), page(document, policy));
    }

    private String page(Document document, String policy) {
        DisplayTitle display = DisplayTitle.of(document);
        Metadata metadata = document.metadata();
        String heading = display.text().isEmpty() ? null : display.text();
        Map<String, Object> variables = new HashMap<>();
        variables.put("policy", policy);
        variables.put("language", blankToNull(metadata.language()));
        variables.put("title", heading == null ? "Untitled" : heading);
        variables.put("heading", heading);
        variables.put("byline", blankToNull(metadata.byline()));
        variables.put("siteName", blankToNull(metadata.siteName()));
        variables.put("published", blankToNull(metadata.published()));
        int minutes = document.readingMinutes();
        variables.put("readingMinutes", minutes == 0 ? null : minutes);
        variables.put("source", SafeUrl.web(document.sourceUrl()));
        variables.put("content", HtmlSanitizer.clean(HtmlBlocks.write(display.blocks())));
        return templates.process(Templates.Template.READER, variables);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The CSP source expression for the page's one style block: {@code sha256-} and its base64 digest. */
    static String styleHash(String page) {
        Matcher style = STYLE.matcher(page);
        if (!style.find()) {
            throw new IllegalStateException("the reader template has no <style> block to hash");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
