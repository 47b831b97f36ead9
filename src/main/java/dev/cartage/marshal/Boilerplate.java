package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

import java.util.regex.Pattern;

/**
 * Recognises the parts of a page that are not its content: scripts and embeds, navigation, the page's header and
 * footer, hidden elements, and elements whose class, id or role name them as banners, sidebars, comments, ads,
 * sharing widgets, bylines and the like.
 */
final class Boilerplate {

    private static final String NON_CONTENT = "script, style, noscript, template, iframe, object, embed, svg, "
            + "canvas, button, input, select, textarea, dialog, nav, aside, link, [hidden], [aria-hidden=true]";
    /** A page's own header and footer; the same elements inside an article hold its title and byline. */
    private static final String PAGE_CHROME = "header, footer";
    /** Parsed once: a selector string would be parsed again on every call, which dominated marshal time. */
    private static final Evaluator CONTENT_SCOPE = QueryParser.parse("article, main, [role=main]");
    private static final Evaluator STYLED = QueryParser.parse("[style]");
    private static final Pattern INVISIBLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);
    /** A byline is a line: a longer element named "author" is an author's box or the article itself. */
    private static final int MAX_BYLINE = 100;

    private Boilerplate() {
    }

    /** Removes elements that never hold content (scripts, navigation, hidden elements, the page's header and footer). */
    static void removeNonContent(Element root) {
        root.select(NON_CONTENT).remove();
        for (Element styled : root.select(STYLED)) {
            if (INVISIBLE.matcher(styled.attr("style")).find()) {
                styled.remove();
            }
        }
        for (Element chrome : root.select(PAGE_CHROME)) {
            if (chrome.closest(CONTENT_SCOPE) == null) {
                chrome.remove();
            }
        }
    }

    /** Removes every element that {@link #isNamedBoilerplate} recognises. */
    static void removeNamed(Element root) {
        root.filter((node, depth) -> depth > 0 && node instanceof Element element && isNamedBoilerplate(element)
                ? NodeFilter.FilterResult.REMOVE
                : NodeFilter.FilterResult.CONTINUE);
    }

    /**
     * Whether the element's role, class or id names it as boilerplate, or it is a short byline. An element that
     * wraps the page's {@code main} or {@code article} is not, whatever its name says, nor are {@code html},
     * {@code body}, links, and parts of tables and code (where names describe cells and tokens).
     */
    static boolean isNamedBoilerplate(Element element) {
        if (element.nameIs("body") || element.nameIs("html") || element.nameIs("a")) {
            return false;
        }
        boolean named = ClassNames.isBoilerplate(element)
                || (ClassNames.isByline(element) && element.text().length() < MAX_BYLINE);
        return named && !holdsContent(element) && !insideTableOrCode(element);
    }

    /**
     * A main element, an article not nested in another (a nested one may well be a comment), or a wrapper of
     * either: whatever their names say (an article's class may mention its "comment-count"), they hold content.
     */
    private static boolean holdsContent(Element element) {
        return element.nameIs("main") || element.attr("role").equals("main")
                || (element.nameIs("article") && element.parent().closest("article") == null)
                || !element.select(CONTENT_SCOPE).isEmpty();
    }

    private static boolean insideTableOrCode(Element element) {
        for (Element up = element.parent(); up != null; up = up.parent()) {
            if (up.nameIs("table") || up.nameIs("code") || up.nameIs("pre")) {
                return true;
            }
        }
        return false;
    }
}
