package dev.cartage.marshal;

import dev.cartage.marshal.meta.Metadata;
import dev.cartage.pipeline.FailureType;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads Markdown (CommonMark with GFM tables) into a {@link Document}: its blocks as {@link MarkdownBlocks}
 * describes, links made absolute against the document's URL, the title taken from the first level-1 heading.
 *
 * <p>Raw HTML in the Markdown is kept as literal text, never passed on as markup. The parser is built once and
 * shared: commonmark's {@link Parser} is thread-safe.
 */
final class MarkdownMarshaller {

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    Document marshal(String markdown, String baseUrl, MarshalDeadline deadline) {
        Node root = parse(markdown, deadline);
        deadline.checkNow();
        List<Block> blocks = MarkdownBlocks.of(root, baseUrl, deadline);
        if (blocks.stream().allMatch(block -> block.plainText().isBlank())) {
            throw new MarshalException(FailureType.PARSE, "The Markdown document has no text to extract");
        }
        String title = blocks.stream()
                .filter(block -> block instanceof Block.Heading heading && heading.level() == 1)
                .map(Block::plainText)
                .findFirst()
                .orElse(null);
        return new Document(baseUrl, Metadata.builder().title(title).build(), blocks, null);
    }

    /** Parses line by line, checking the deadline as the parser reads. */
    private Node parse(String markdown, MarshalDeadline deadline) {
        try (Reader reader = DeadlineInput.text(markdown, deadline)) {
            return parser.parseReader(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }
}
