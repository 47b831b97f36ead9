package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the parts of a page that are not its content: scripts and forms, navigation, page headers and
 * footers, and elements whose class, id or role names them as banners, sidebars, comments, ads and the like.
 */
final class Boilerplate {

    private static final String NON_CONTENT = "script, style, noscript, template, iframe, object, embed, svg, "
            + "canvas, form, button, input, select, textarea, dialog, nav, aside, [hidden], [aria-hidden=true]";
    /** A page's own header and footer; the same elements inside an article hold its title and byline. */
    private static final String PAGE_CHROME = "header, footer";
    /** Parsed once: a selector string would be parsed again on every call, which dominated marshal time. */
    private static final Evaluator CONTENT_SCOPE = QueryParser.parse("article, main, [role=main]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> CHROME_ROLES = Set.of(
            "banner", "navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
            "menubar", "toolbar");
    /** Words in a class or id that name boilerplate. Matched as whole words, so "subheader" is not "header". */
    private static final Set<String> BOILERPLATE_WORDS = Set.of(
            "ad", "ads", "advert", "adverts", "advertisement", "advertising", "banner", "breadcrumb", "breadcrumbs",
            "comment", "comments", "consent", "cookie", "cookies", "gdpr", "masthead", "menu", "nav", "navbar",
            "navigation", "newsletter", "popup", "related", "share", "sharing", "sidebar", "social", "footer",
            "header");
    private static final Set<String> SCOPED_WORDS = Set.of("header", "footer", "masthead");
    /** First words of state classes such as "has-sidebar" on a wrapper that holds the content itself. */
    private static final Set<String> STATE_PREFIXES = Set.of("has", "with", "no", "without", "is", "show", "hide");
    private static final Pattern WORD_BREAK = Pattern.compile("[-_:.]+|(?<=[a-z0-9])(?=[A-Z])");

    private Boilerplate() {
    }

    /** Removes elements that never hold content (scripts, forms, navigation, the page's header and footer). */
    static void removeNonContent(Element root) {
        root.select(NON_CONTENT).remove();
        for (Element chrome : root.select(PAGE_CHROME)) {
            if (chrome.closest(CONTENT_SCOPE) == null) {
                chrome.remove();
            }
        }
    }

    /**
     * Removes elements whose role, class or id names them as boilerplate. An element that wraps the page's
     * {@code main} or {@code article} is kept whatever its name says, and so are {@code html} and {@code body}.
     */
    static void removeNamed(Element root) {
        root.filter((node, depth) -> depth > 0 && node instanceof Element element
                && isNamedBoilerplate(element) && !holdsContent(element)
                ? NodeFilter.FilterResult.REMOVE
                : NodeFilter.FilterResult.CONTINUE);
    }

    private static boolean isNamedBoilerplate(Element element) {
        String role = element.attr("role").toLowerCase(Locale.ROOT);
        if (Arrays.stream(WHITESPACE.split(role)).anyMatch(CHROME_ROLES::contains)) {
            return true;
        }
        boolean inContent = element.parent().closest(CONTENT_SCOPE) != null;
        for (String token : tokens(element)) {
            List<String> words = words(token);
            if (words.isEmpty() || STATE_PREFIXES.contains(words.get(0))) {
                continue;
            }
            for (String word : words) {
                if (BOILERPLATE_WORDS.contains(word) && !(inContent && SCOPED_WORDS.contains(word))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> tokens(Element element) {
        String names = element.className() + " " + element.id();
        return Arrays.stream(WHITESPACE.split(names.trim())).filter(token -> !token.isEmpty()).toList();
    }

    private static List<String> words(String token) {
        return Arrays.stream(WORD_BREAK.split(token))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
    }

    private static boolean holdsContent(Element element) {
        return element.nameIs("html") || element.nameIs("body") || element.is(CONTENT_SCOPE)
                || !element.select(CONTENT_SCOPE).isEmpty();
    }
}
