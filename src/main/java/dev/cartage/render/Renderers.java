package dev.cartage.render;

import dev.cartage.marshal.Document;

import java.util.Objects;

/**
 * Renders a {@link Document} into any {@link Format}: the render stage's one entry point.
 *
 * <p>Build one at startup and share it: construction reads the templates from the classpath, parses them and
 * computes the reader page's Content-Security-Policy; {@link #render} then does pure CPU work with no file or
 * classpath access, safe to call from any number of threads at once.
 */
public final class Renderers {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final PlainTextRenderer text = new PlainTextRenderer();
    private final JsonRenderer json = new JsonRenderer();
    private final ReaderPage html;
    private final LinkCard card;

    /** Reads and parses the templates; call once, at startup, off the CPU workers. */
    public Renderers() {
        Templates templates = new Templates();
        html = new ReaderPage(templates);
        card = new LinkCard(templates);
    }

    /**
     * Renders the document in the format.
     *
     * @return the content with its media type and the document's title
     */
    public Rendered render(Document document, Format format) {
        Objects.requireNonNull(document, "document");
        return switch (Objects.requireNonNull(format, "format")) {
            case MARKDOWN -> markdown.render(document);
            case HTML -> html.render(document);
            case TEXT -> text.render(document);
            case JSON -> json.render(document);
            case CARD -> card.render(document);
        };
    }

    /**
     * The Content-Security-Policy the {@code html} format's pages are written for, such as
     * {@code default-src 'none'; img-src http: https: data:; style-src 'sha256-…'; base-uri 'none';
     * form-action 'none'}. Each page carries it in a {@code <meta>} element; send it as a
     * {@code Content-Security-Policy} header too (it suits {@code card} snippets as well, which need no style).
     */
    public String contentSecurityPolicy() {
        return html.policy();
    }
}
