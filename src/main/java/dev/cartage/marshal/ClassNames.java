package dev.cartage.marshal;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an element's class, id and role say about it: boilerplate to drop unseen, a byline, or a weight for or
 * against it being content. The word lists are the ones Readability.js has refined on the web at large, plus the
 * consent, newsletter and sharing widgets that have spread since.
 */
final class ClassNames {

    /** What a class-and-id string says about its element. */
    enum Verdict { NEUTRAL, BOILERPLATE, BYLINE }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WORD_BREAK = Pattern.compile("[-_:.]+|(?<=[a-z0-9])(?=[A-Z])");
    /**
     * Readability.js's "unlikely candidates", matched at the start of any word of a name, so that "commentlist"
     * and "sidebarLeft" are found but "subheader" is not.
     */
    private static final Pattern UNLIKELY = Pattern.compile("ai2html|banner|breadcrumbs|combx|comment|community"
            + "|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar"
            + "|skyscraper|social|sponsor|supplemental|agegate|pagination|pager|popup|yom-remote");
    /** Names that rescue an unlikely-looking element, as in "main-header-and-content" or "social-embed". */
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
            "outbrain", "taboola", "subscribe", "signup");
    private static final Pattern CAPTION_WORDS = Pattern.compile("caption|credit");
    /** First words of state classes such as "has-sidebar" on a wrapper that holds the content itself. */
    private static final Set<String> STATE_PREFIXES = Set.of("has", "with", "no", "without", "is", "show", "hide");

    private ClassNames() {
    }

    /** Whether the element's role names it as page chrome: a banner, navigation, a search box, a dialog. */
    static boolean hasChromeRole(Element element) {
        String role = element.attr("role");
        if (role.isEmpty()) {
            return false;
        }
        for (String word : WHITESPACE.split(role.toLowerCase(Locale.ROOT))) {
            if (CHROME_ROLES.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The element's class and id, space separated; empty when it has neither. */
    static String names(Element element) {
        String className = element.className();
        String id = element.id();
        return (className.isEmpty() ? id : id.isEmpty() ? className : className + " " + id).trim();
    }

    /**
     * What the names say, remembered in {@code cache} for the page: pages repeat the same few class strings on
     * thousands of elements.
     */
    static Verdict verdict(String names, Map<String, Verdict> cache) {
        if (names.isEmpty()) {
            return Verdict.NEUTRAL;
        }
        return cache.computeIfAbsent(names, ClassNames::verdict);
    }

    /**
     * Names boilerplate (navigation, banners, sidebars, comments, ads, sharing and consent widgets), a byline, or
     * neither. A state class ("has-sidebar", "no-comments") says nothing about the element itself.
     */
    static Verdict verdict(String names) {
        boolean unlikely = false;
        boolean rescued = false;
        for (String token : WHITESPACE.split(names)) {
            List<String> words = words(token);
            if (words.isEmpty() || STATE_PREFIXES.contains(words.get(0))) {
                continue;
            }
            for (String word : words) {
                if (WIDGET_WORDS.contains(word)) {
                    return Verdict.BOILERPLATE;
                }
                unlikely |= UNLIKELY.matcher(word).lookingAt();
            }
            rescued |= MAYBE_CONTENT.matcher(token).find();
        }
        if (unlikely && !rescued) {
            return Verdict.BOILERPLATE;
        }
        return BYLINE.matcher(names).find() ? Verdict.BYLINE : Verdict.NEUTRAL;
    }

    /**
     * Whether a word of the class or id names an image's caption or credit ("caption-full", "imageEmbedCredit"):
     * text about a picture, not the article's.
     */
    static boolean namesCaption(Element element) {
        String names = names(element);
        if (names.isEmpty()) {
            return false;
        }
        for (String token : WHITESPACE.split(names)) {
            List<String> words = words(token);
            if (words.isEmpty() || STATE_PREFIXES.contains(words.get(0))) {
                continue; // "without-caption", "has-credit": a state of something else
            }
            for (String word : words) {
                if (CAPTION_WORDS.matcher(word).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether attributes other than class and id say the element holds the author's name. */
    static boolean hasAuthorAttribute(Element element) {
        return element.attr("rel").equals("author") || element.attr("itemprop").contains("author");
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

    /** The lower-case words of a class token: "postShare-tools" is post, share, tools. */
    private static List<String> words(String token) {
        List<String> words = new ArrayList<>(4);
        for (String word : WORD_BREAK.split(token)) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
