package dev.cartage.marshal.quality;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;

import java.util.stream.Collectors;

/**
 * The text the quality score reads: the document's blocks as plain text separated by blank lines, without the
 * title or any metadata. Kept in this one place so that the gate test and the bench score the same words, and so
 * that both can later be pointed at the {@code text} renderer, which is to give the same words.
 */
public final class QualityText {

    private QualityText() {
    }

    public static String of(Document document) {
        return document.blocks().stream().map(Block::plainText).collect(Collectors.joining("\n\n"));
    }
}
