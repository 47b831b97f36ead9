package dev.cartage.marshal;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a data table into a {@link Block.Table}: the header from a row of {@code th} cells (in {@code thead} or
 * first), the other rows as plain-text cells. Spans are not expanded: a cell spanning columns counts once.
 */
final class TableReader {

    private TableReader() {
    }

    /** Returns the table, or empty when it holds no text at all. */
    static Optional<Block.Table> read(Element table) {
        List<Element> rows = table.select("tr");
        List<String> header = List.of();
        List<List<String>> body = new ArrayList<>();
        for (Element row : rows) {
            List<String> cells = cells(row);
            if (header.isEmpty() && body.isEmpty() && isHeaderRow(row)) {
                header = cells;
            } else if (!cells.isEmpty()) {
                body.add(cells);
            }
        }
        boolean hasText = header.stream().anyMatch(cell -> !cell.isEmpty())
                || body.stream().flatMap(List::stream).anyMatch(cell -> !cell.isEmpty());
        return hasText ? Optional.of(new Block.Table(header, body)) : Optional.empty();
    }

    private static boolean isHeaderRow(Element row) {
        Element parent = row.parent();
        if (parent != null && parent.nameIs("thead")) {
            return true;
        }
        List<Element> cells = row.children();
        return !cells.isEmpty() && cells.stream().allMatch(cell -> cell.nameIs("th"));
    }

    private static List<String> cells(Element row) {
        List<String> cells = new ArrayList<>();
        for (Element cell : row.children()) {
            if (cell.nameIs("td") || cell.nameIs("th")) {
                cells.add(Inline.plainText(InlineCollector.collect(cell.childNodes())));
            }
        }
        return cells;
    }
}
