package dev.cartage.marshal;

import org.jsoup.nodes.Element;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an element's class, id and role say about it: boilerplate to drop unseen, a byline, or a weight for or
 * against it being content. The word lists are the ones Readability.js has refined on the web at large, plus the
 * consent, newsletter and sharing widgets that have spread since.
 */
final class ClassNames {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WORD_BREAK = Pattern.compile("[-_:.]+|(?<=[a-z0-9])(?=[A-Z])");
    /** Readability.js's "unlikely candidates", matched anywhere in the names: "commentlist" is a comment block. */
    private static final Pattern UNLIKELY = Pattern.compile("-ad-|ai2html|banner|breadcrumbs|combx|comment|community"
            + "|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
            + "|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            Pattern.CASE_INSENSITIVE);
    /** Names that rescue an unlikely-looking element, as in "main-header-and-content". */
    private static final Pattern MAYBE_CONTENT = Pattern.compile("and|article|body|column|content|embed|main|shadow",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment"
            + "|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar"
            + "|skyscraper|sponsor|shopping|tags|widget", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> CHROME_ROLES = Set.of(
            "banner", "navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
            "menubar", "toolbar", "alert");
    /**
     * Whole words that name widgets, whatever else the names say ("share-content" is a sharing widget); whole
     * words, so "downloads" is not "ads" nor "shareholders" "share".
     */
    private static final Set<String> WIDGET_WORDS = Set.of(
            "ad", "ads", "advert", "adverts", "advertisement", "advertising", "breadcrumb", "consent", "cookie",
            "cookies", "nav", "navbar", "navigation", "newsletter", "share", "sharing", "masthead", "promo",
            "outbrain", "taboola", "subscribe", "subscription", "paywall", "signup");
    /** First words of state classes such as "has-sidebar" on a wrapper that holds the content itself. */
    private static final Set<String> STATE_PREFIXES = Set.of("has", "with", "no", "without", "is", "show", "hide");

    private ClassNames() {
    }

    /**
     * Whether the element's role, class or id names it as boilerplate (navigation, banners, sidebars, comments,
     * ads, sharing and consent widgets). Callers keep elements that wrap the page's main content whatever their name.
     */
    static boolean isBoilerplate(Element element) {
        String role = element.attr("role");
        if (!role.isEmpty() && Arrays.stream(WHITESPACE.split(role.toLowerCase(Locale.ROOT)))
                .anyMatch(CHROME_ROLES::contains)) {
            return true;
        }
        String names = names(element);
        if (names.isEmpty()) {
            return false;
        }
        boolean unlikely = false;
        boolean rescued = false;
        for (String token : WHITESPACE.split(names)) {
            List<String> words = words(token);
            if (words.isEmpty() || STATE_PREFIXES.contains(words.get(0))) {
                continue; // "has-sidebar", "no-comments": a state of the page, not what the element is
            }
            for (String word : words) {
                if (WIDGET_WORDS.contains(word)) {
                    return true;
                }
            }
            for (String word : words) {
                unlikely |= UNLIKELY.matcher(word).lookingAt();
            }
            rescued |= MAYBE_CONTENT.matcher(token).find();
        }
        return unlikely && !rescued;
    }

    /** Whether a short element's names or attributes say it holds the author's name or the date line. */
    static boolean isByline(Element element) {
        return element.attr("rel").equals("author") || element.attr("itemprop").contains("author")
                || BYLINE.matcher(names(element)).find();
    }

    /** Readability.js's class weight: +25 for each of class and id that sound like content, −25 for boilerplate. */
    static int weight(Element element) {
        int weight = 0;
        String className = element.className();
        if (!className.isEmpty()) {
            weight += NEGATIVE.matcher(className).find() ? -25 : 0;
            weight += POSITIVE.matcher(className).find() ? 25 : 0;
        }
        String id = element.id();
        if (!id.isEmpty()) {
            weight += NEGATIVE.matcher(id).find() ? -25 : 0;
            weight += POSITIVE.matcher(id).find() ? 25 : 0;
        }
        return weight;
    }

    /** Whether a class or id token has the given word, as in "share-tools" or "postShare" for "share". */
    static boolean hasWord(Element element, Set<String> wanted) {
        String names = names(element);
        if (names.isEmpty()) {
            return false;
        }
        for (String token : WHITESPACE.split(names)) {
            for (String word : words(token)) {
                if (wanted.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String names(Element element) {
        String className = element.className();
        String id = element.id();
        return (className.isEmpty() ? id : id.isEmpty() ? className : className + " " + id).trim();
    }

    private static List<String> words(String token) {
        return Arrays.stream(WORD_BREAK.split(token))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
    }
}
