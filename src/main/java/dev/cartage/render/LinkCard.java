package dev.cartage.render;

import dev.cartage.marshal.Document;
import dev.cartage.marshal.meta.Metadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code card} format: a link preview as a small HTML snippet from the template {@code render/card.html} —
 * image, favicon and site name, the title linking to the canonical URL (else the source URL), the description.
 *
 * <p>The snippet is meant to be embedded in another page, so it carries no script, no inline style and no
 * class that needs a stylesheet to be readable; its URLs pass {@link SafeUrl} or are left out. Every field comes
 * from the document's {@link Metadata}, so the card shows nothing the {@code json} format does not.
 */
final class LinkCard {

    private static final Pattern BLANK_LINES = Pattern.compile("(?m)^[ \\t]*\n");

    private final Templates templates;

    LinkCard(Templates templates) {
        this.templates = templates;
        render(new Document("sample", "https://example.org/", "en", "sample", List.of())); // parse and cache now
    }

    Rendered render(Document document) {
        Metadata metadata = document.metadata();
        String title = ReaderPage.blankToNull(metadata.title());
        String href = SafeUrl.web(metadata.canonicalUrl());
        href = href != null ? href : SafeUrl.web(document.sourceUrl());
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title != null ? title : href != null ? href : "Untitled");
        variables.put("href", href);
        variables.put("description", ReaderPage.blankToNull(metadata.description()));
        variables.put("image", SafeUrl.web(metadata.image()));
        variables.put("favicon", SafeUrl.web(metadata.favicon()));
        variables.put("siteName", ReaderPage.blankToNull(metadata.siteName()));
        // the lines of fields left out stay behind empty; a snippet to embed reads better without them
        String content = BLANK_LINES.matcher(templates.process(Templates.Template.CARD, variables)).replaceAll("");
        return new Rendered(Format.CARD, Format.CARD.mediaType(), document.title(), content);
    }
}
