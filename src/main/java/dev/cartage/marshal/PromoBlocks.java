package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.regex.Pattern;

/**
 * Finds blocks inside the content that only point elsewhere, as trafilatura's link-density tests do: a short
 * paragraph that is nothing but a link ("READ MORE: …", a related headline), a list whose items are links (a
 * related-stories list), and the "Advertisement" labels left where ads were.
 */
final class PromoBlocks {

    private static final Evaluator PARAGRAPHS_AND_LISTS = QueryParser.parse("p, ul, ol, div, span");
    /** Longer than this, a paragraph made of one link is likely a sentence that happens to be linked. */
    private static final int MAX_LINK_PARAGRAPH = 120;
    private static final double LINK_ONLY = 0.9;
    /**
     * A short paragraph mostly of one link is a promo when the rest is a shouted label ("READ MORE: " before a
     * headline): prose links a word or two, not most of its text, and a "Pro tip: " or a "[Source]" tag is the
     * author's.
     */
    private static final double MOSTLY_LINK = 0.75;
    private static final int LABEL_LENGTH = 20;
    private static final Pattern SHOUTED_LABEL = Pattern.compile("[\\p{Lu}\\p{N}][\\p{Lu}\\p{N} '’!-]+:?");
    private static final Pattern AD_LABEL = Pattern.compile(
            "ad|ads|advert|advertising|advertisement|sponsored|publicité|werbung|anzeige|anuncio|广告|реклама",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private PromoBlocks() {
    }

    /** Whether the paragraph or list only points elsewhere, or the element is an ad's label. */
    static boolean isPromo(Element block, ContentStats stats) {
        ElementStats s = stats.of(block);
        if (isAdLabel(block, stats)) {
            return true;
        }
        if (block.nameIs("p")) {
            return s.text > 0 && s.text <= MAX_LINK_PARAGRAPH && (s.linkDensity() >= LINK_ONLY
                    || (s.linkDensity() >= MOSTLY_LINK && s.text - s.linkText <= LABEL_LENGTH && hasShoutedLabel(block)));
        }
        return (block.nameIs("ul") || block.nameIs("ol")) && isLinkList(block, stats);
    }

    /** Whether the paragraph's text outside its links is an upper-case label, as in "SEE MORE: ". */
    private static boolean hasShoutedLabel(Element paragraph) {
        Element copy = paragraph.clone(); // a short paragraph: cheap
        copy.select("a").remove();
        String label = copy.text().strip();
        return SHOUTED_LABEL.matcher(label).matches();
    }

    /** Whether the element's whole text is an ad label, such as "Advertisement". */
    private static boolean isAdLabel(Element element, ContentStats stats) {
        int length = stats.of(element).text;
        return length > 0 && length <= 20 && AD_LABEL.matcher(element.text().strip()).matches();
    }

    static Evaluator candidates() {
        return PARAGRAPHS_AND_LISTS;
    }

    /** A list of two or more items nearly all of which are links: related stories, tags, "more on this". */
    private static boolean isLinkList(Element list, ContentStats stats) {
        int items = 0;
        int linkItems = 0;
        for (Element item : list.children()) {
            ElementStats s = stats.of(item);
            if (s.text == 0) {
                continue;
            }
            items++;
            if (s.linkDensity() >= 0.8) {
                linkItems++;
            }
        }
        return items >= 2 && linkItems * 10 >= items * 9;
    }
}
