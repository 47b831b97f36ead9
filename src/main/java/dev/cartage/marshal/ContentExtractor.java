package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.List;

/**
 * Finds a cleaned page's main content: scores the page ({@link ContentStats}), picks the content's elements
 * ({@link MainContent}), drops the boilerplate they hold ({@link ConditionalCleaner}) and returns them in one element.
 *
 * <p>Names are trusted first: boilerplate-named elements are left out, class names weigh scores, and blocks that
 * read like boilerplate are removed. When that finds less than an article's worth of text, as when a wrapper's
 * name misleads or the page is short, each of those is given up in turn on a copy of the page and the first
 * result long enough, else the longest, wins: Readability.js's retries.
 */
final class ContentExtractor {

    /** Less text than this (characters) and the names may have misled: Readability.js's threshold. */
    private static final int ARTICLE_LENGTH = 500;
    private static final Evaluator DECLARED_BODY = QueryParser.parse("[itemprop~=(?i)^articleBody$]");
    private static final int DECLARED_BODY_LENGTH = 200;
    /**
     * How much longer a retry's text must be to replace the stricter one's: a short page's stricter result is
     * right, and trusting names less only adds its buttons and captions back.
     */
    private static final double GAIN = 2;
    /** Text from which a strict result is a short article rather than leftovers of one: a paragraph or two. */
    private static final int SHORT_ARTICLE_LENGTH = 200;

    /** How far names are trusted in one attempt. */
    private record Trust(boolean skipBoilerplate, boolean weighClasses, boolean cleanConditionally) {
    }

    private static final List<Trust> RETRIES = List.of(
            new Trust(false, true, true), new Trust(false, false, true), new Trust(false, false, false));
    private static final Trust FULL = new Trust(true, true, true);
    private static final Trust NONE = new Trust(false, false, false);

    private ContentExtractor() {
    }

    /**
     * Returns the element holding the content, possibly in a copy of the page, or the body itself when nothing
     * narrower stands out.
     *
     * @param trustNames whether class, id and role names may mark elements as boilerplate or weigh their score;
     *                   without, the text decides alone and no block is removed for what it reads like
     */
    static Element extract(Element body, boolean trustNames) {
        Trust first = trustNames ? FULL : NONE;
        if (!trustNames) {
            return attempt(body, first, ContentStats.of(body, false, false));
        }
        ContentStats stats = ContentStats.of(body, first.skipBoilerplate(), first.weighClasses());
        List<Element> parts = parts(body, stats);
        if (length(parts, stats) >= ARTICLE_LENGTH) {
            return clean(body, parts, stats, first);
        }
        Element pristine = body.ownerDocument() == null ? body.clone() : body.ownerDocument().clone().body();
        Element best = clean(body, parts, stats, first);
        String strictText = best.text();
        int bestLength = strictText.length();
        for (Trust trust : RETRIES) {
            if (bestLength >= ARTICLE_LENGTH) {
                break;
            }
            Element copy = trust == RETRIES.get(RETRIES.size() - 1) ? pristine : copyOf(pristine);
            Element content = attempt(copy, trust,
                    ContentStats.of(copy, trust.skipBoilerplate(), trust.weighClasses()));
            String text = content.text();
            int length = text.length();
            if (length > bestLength * GAIN && !onlyAddsTo(strictText, text)) {
                best = content;
                bestLength = length;
            }
        }
        return best;
    }

    /**
     * Whether a retry's text holds the whole of a real (if short) strict result: it found the same article and
     * only added around it what the names marked as boilerplate (its comments, its sidebar), so the names were
     * right and the short article stands.
     */
    private static boolean onlyAddsTo(String strictText, String retryText) {
        return strictText.length() >= SHORT_ARTICLE_LENGTH && retryText.contains(strictText);
    }

    private static Element copyOf(Element body) {
        return body.ownerDocument() == null ? body.clone() : body.ownerDocument().clone().body();
    }

    private static Element attempt(Element body, Trust trust, ContentStats stats) {
        return clean(body, parts(body, stats), stats, trust);
    }

    private static List<Element> parts(Element body, ContentStats stats) {
        List<Element> declared = declaredBody(body, stats);
        return declared.isEmpty() ? MainContent.locate(body, stats) : declared;
    }

    private static Element clean(Element body, List<Element> parts, ContentStats stats, Trust trust) {
        if (trust.skipBoilerplate()) {
            stats.skipped().forEach(Element::remove);
        }
        Element content = parts.size() == 1 && parts.get(0) == body ? body : wrap(body, parts);
        ConditionalCleaner.clean(content, stats, trust.weighClasses(), trust.cleanConditionally());
        return content;
    }

    /**
     * The element the page itself declares as the article's body with schema.org microdata
     * ({@code itemprop=articleBody}), when it holds a paragraph's worth of text: a statement by the author of the
     * page, which no score should override.
     */
    private static List<Element> declaredBody(Element body, ContentStats stats) {
        Element best = null;
        for (Element declared : body.select(DECLARED_BODY)) {
            if (best == null || stats.of(declared).text > stats.of(best).text) {
                best = declared;
            }
        }
        return best != null && stats.of(best).text >= DECLARED_BODY_LENGTH ? List.of(best) : List.of();
    }

    private static int length(List<Element> parts, ContentStats stats) {
        return parts.stream().mapToInt(part -> stats.of(part).text).sum();
    }

    /** Moves the parts into one element; it stays in the body so that links still resolve against the page. */
    private static Element wrap(Element body, List<Element> parts) {
        Element wrapper = body.appendElement("div");
        parts.forEach(wrapper::appendChild);
        return wrapper;
    }
}
