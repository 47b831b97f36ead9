package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the parts of a page that are not its content: scripts and embeds, navigation, the page's header and
 * footer, hidden elements, and elements whose class, id or role name them as banners, sidebars, comments, ads,
 * sharing widgets, bylines and the like.
 */
final class Boilerplate {

    private static final Set<String> NON_CONTENT_TAGS = Set.of("script", "style", "noscript", "template", "iframe",
            "object", "embed", "svg", "canvas", "button", "input", "select", "textarea", "dialog", "nav", "aside",
            "link");
    /** Parsed once: a selector string would be parsed again on every call, which dominated marshal time. */
    private static final Evaluator CONTENT_SCOPE = QueryParser.parse("article, main, [role=main]");
    private static final Pattern INVISIBLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);
    /** A byline is a line: a longer element named "author" is an author's box or the article itself. */
    private static final int MAX_BYLINE = 100;

    private Boilerplate() {
    }

    /**
     * Removes elements that never hold content (scripts, embeds, navigation, hidden elements, the page's header
     * and footer), in one pass over the page.
     */
    static void removeNonContent(Element root) {
        root.filter((node, depth) -> depth > 0 && node instanceof Element element && withinDeadline() && isNonContent(element)
                ? NodeFilter.FilterResult.REMOVE
                : NodeFilter.FilterResult.CONTINUE);
    }

    private static boolean isNonContent(Element element) {
        String tag = element.normalName();
        if (NON_CONTENT_TAGS.contains(tag) || element.hasAttr("hidden")
                || element.attr("aria-hidden").equals("true")) {
            return true;
        }
        String style = element.attr("style");
        if (!style.isEmpty() && INVISIBLE.matcher(style).find()) {
            return true;
        }
        return (tag.equals("header") || tag.equals("footer")) && element.closest(CONTENT_SCOPE) == null;
    }

    /** Removes every element that {@link #isNamedBoilerplate} recognises. */
    static void removeNamed(Element root) {
        Map<String, ClassNames.Verdict> verdicts = new HashMap<>();
        root.filter((node, depth) -> depth > 0 && node instanceof Element element
                && isNamedBoilerplate(element, verdicts)
                ? NodeFilter.FilterResult.REMOVE
                : NodeFilter.FilterResult.CONTINUE);
    }

    /**
     * Whether the element's role, class or id names it as boilerplate, or it is a short byline. An element that
     * holds the page's main content is not, whatever its name says, nor are {@code html}, {@code body}, links,
     * and parts of tables and code (where names describe cells and tokens).
     *
     * @param verdicts what each class-and-id string of the page says, filled as elements are seen
     */
    static boolean isNamedBoilerplate(Element element, Map<String, ClassNames.Verdict> verdicts) {
        if (element.nameIs("body") || element.nameIs("html") || element.nameIs("a")) {
            return false;
        }
        boolean named = ClassNames.hasChromeRole(element);
        if (!named) {
            ClassNames.Verdict verdict = ClassNames.verdict(ClassNames.names(element), verdicts);
            named = verdict == ClassNames.Verdict.BOILERPLATE
                    || ((verdict == ClassNames.Verdict.BYLINE || ClassNames.hasAuthorAttribute(element))
                    && element.text().length() < MAX_BYLINE);
        }
        return named && !holdsContent(element) && !insideTableOrCode(element);
    }

    /**
     * A main element, an article not nested in another (a nested one may well be a comment), or a wrapper of
     * either: whatever their names say (an article's class may mention its "comment-count"), they hold content.
     */
    /** Always true; fails the item when its marshal time is up, so that a huge page cannot stall this pass. */
    private static boolean withinDeadline() {
        MarshalDeadline.checkCurrent();
        return true;
    }

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
