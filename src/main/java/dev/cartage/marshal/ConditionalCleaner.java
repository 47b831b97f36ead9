package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes what the chosen content still holds that is not the article, as Readability.js's "conditional cleaning"
 * does: blocks, lists, tables and forms that read like link lists, image strips, widgets or empty shells, judged
 * from their counts in {@link ContentStats} (innermost first, so a container is judged on what is left in it).
 */
final class ConditionalCleaner {

    private static final Evaluator CONDITIONAL = QueryParser.parse("form, fieldset, table, ul, div");
    private static final Evaluator ALWAYS = QueryParser.parse("footer, link, object, embed");
    private static final Evaluator HEADERS = QueryParser.parse("h1, h2");
    /** Characters from which content reads as an article, with room for links that only point elsewhere. */
    private static final int ARTICLE_LENGTH = 500;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Length from which a div of text reads as a paragraph rather than a label, a kicker or a button. */
    private static final int TEXT_DIV_LENGTH = 100;
    private static final Evaluator FIGURE = QueryParser.parse("figure");
    private static final Evaluator CODE = QueryParser.parse("code, pre");
    private static final Evaluator TABLE = QueryParser.parse("table");
    private static final Evaluator DATA_TABLE_PARTS = QueryParser.parse("col, colgroup, tfoot, thead, th");
    private static final Pattern AD_OR_LOADING = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|"
                    + "(loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);


    private ConditionalCleaner() {
    }

    /**
     * Cleans the content in place.
     *
     * @param weighClasses  let class and id names count against a block
     * @param conditionally remove blocks that read like boilerplate from their counts
     */
    static void clean(Element content, ContentStats stats, boolean weighClasses, boolean conditionally) {
        for (Element element : content.select(ALWAYS)) {
            remove(element, content, stats);
        }
        if (weighClasses) {
            Furniture.removeNamedCaptions(content, stats);
        }
        Set<String> titleWords = words(content.ownerDocument() == null ? "" : content.ownerDocument().title());
        for (Element header : content.select(HEADERS)) {
            if ((weighClasses && stats.weight(header) < 0) || repeats(titleWords, header.text())) {
                remove(header, content, stats);
            }
        }
        if (!conditionally) {
            return;
        }
        Furniture.removeLeadingDatelines(content, stats);
        // On a short page, a lone link may be the point of it (a note pointing to the next one): article length only
        boolean article = content.text().length() >= ARTICLE_LENGTH;
        for (Element block : article ? content.select(PromoBlocks.candidates()) : List.<Element>of()) {
            if (block.parent() != null && PromoBlocks.isPromo(block, stats)) {
                remove(block, content, stats);
            }
        }
        Map<Element, Boolean> dataTables = new IdentityHashMap<>();
        // A block holding most of the content is the content, whatever its name ("widget-container" around a
        // page builder's article): the scores chose it, and cleaning only removes what is around the article
        int majority = content.text().length() / 2;
        List<Element> blocks = content.select(CONDITIONAL);
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element block = blocks.get(i);
            if (block != content && block.parent() != null && stats.of(block).text <= majority
                    && isBoilerplate(block, stats, weighClasses, dataTables)) {
                remove(block, content, stats);
            }
        }
    }

    /**
     * Whether a heading repeats the page's title (three quarters of its words' length are the title's): the title
     * is the document's, and repeated in the body it would be read twice.
     */
    private static boolean repeats(Set<String> titleWords, String heading) {
        if (titleWords.isEmpty()) {
            return false;
        }
        int total = 0;
        int shared = 0;
        for (String word : NON_WORD.split(heading.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                total += word.length() + 1;
                shared += titleWords.contains(word) ? word.length() + 1 : 0;
            }
        }
        return total > 0 && shared >= 0.75 * total;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static void remove(Element element, Element content, ContentStats stats) {
        stats.removed(element, content);
        element.remove();
    }

    private static boolean isBoilerplate(Element block, ContentStats stats, boolean weighClasses,
                                         Map<Element, Boolean> dataTables) {
        if (isOrInsideDataTable(block, dataTables) || insideCode(block)) {
            return false;
        }
        int weight = weighClasses ? stats.weight(block) : 0;
        if (weight < 0) {
            return true;
        }
        ElementStats s = stats.of(block);
        if (s.commas >= 10) {
            return false;
        }
        if (s.text < 20 && AD_OR_LOADING.matcher(block.text().strip()).matches()) {
            return true;
        }
        boolean list = block.nameIs("ul") || block.nameIs("ol") || s.listText > 0.9 * s.text;
        boolean inFigure = block.closest(FIGURE) != null;
        int listItems = s.listItems - 100;
        double headingDensity = s.text == 0 ? 0 : (double) s.headingText / s.text;
        double linkDensity = s.linkDensity();
        boolean remove = (!inFigure && s.images > 1 && (double) s.paragraphs / s.images < 0.5)
                || (!list && listItems > s.paragraphs)
                || (s.inputs > s.paragraphs / 3)
                || (!list && !inFigure && headingDensity < 0.9 && s.text < 25 && (s.images == 0 || s.images > 2)
                && linkDensity > 0)
                || (!list && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || (s.embeds == 1 && s.text < 75) || s.embeds > 1
                || (s.images == 0 && s.textishText == 0 && s.text > 0 && !isTextDiv(block, stats));
        if (list && remove && block.children().stream().allMatch(item -> item.childrenSize() <= 1)
                && s.images == s.listItems) {
            return false; // a simple list of images, one per item, is a gallery
        }
        return remove;
    }

    /**
     * Whether the block is a div of text, without blocks in it: a paragraph written as a div, whose own text is the
     * article's rather than loose decoration between blocks (Readability.js turns such divs into paragraphs). A div
     * named as an image's caption or credit is not: its text is about the picture.
     */
    private static boolean isTextDiv(Element block, ContentStats stats) {
        if (!block.nameIs("div") || stats.of(block).text < TEXT_DIV_LENGTH || ClassNames.namesCaption(block)) {
            return false;
        }
        for (Element child : block.children()) {
            if (!stats.of(child).inline) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideCode(Element element) {
        return element.closest(CODE) != null;
    }

    /**
     * Readability.js's test for a table of data rather than layout: a table with header cells, a caption or a
     * summary, or with many rows or columns, and without tables nested in it.
     */
    private static boolean isOrInsideDataTable(Element element, Map<Element, Boolean> dataTables) {
        for (Element table = element.closest(TABLE); table != null;
                table = table.parent() == null ? null : table.parent().closest(TABLE)) {
            if (dataTables.computeIfAbsent(table, ConditionalCleaner::isDataTable)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDataTable(Element table) {
        String role = table.attr("role");
        if (role.equals("presentation") || table.attr("datatable").equals("0")) {
            return false;
        }
        if (!table.attr("summary").isEmpty() || table.selectFirst("caption") != null
                || table.selectFirst(DATA_TABLE_PARTS) != null) {
            return true;
        }
        if (table.selectFirst("table table") != null || !table.select("table").stream().allMatch(t -> t == table)) {
            return false;
        }
        List<Element> rows = table.select("tr");
        int columns = rows.stream().mapToInt(Element::childrenSize).max().orElse(0);
        return rows.size() >= 10 || columns > 4 || rows.size() * columns > 10;
    }
}
