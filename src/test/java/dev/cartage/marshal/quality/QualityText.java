package dev.cartage.marshal.quality;

import dev.cartage.marshal.Document;
import dev.cartage.render.Format;
import dev.cartage.render.Renderers;

/**
 * The text the quality score reads: the {@code text} format, exactly as users get it (the article body, blocks
 * separated by blank lines, no title or metadata). Kept in this one place so that the gate test and the bench
 * score the same words.
 */
public final class QualityText {

    private static final Renderers RENDERERS = new Renderers();

    private QualityText() {
    }

    public static String of(Document document) {
        return RENDERERS.render(document, Format.TEXT).content();
    }
}
