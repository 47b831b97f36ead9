package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the nodes of one paragraph-like run of HTML into {@link Inline}s with collapsed whitespace.
 *
 * <p>Whitespace is collapsed the way a reader displays it: any run of {@link Whitespace} becomes one space, and
 * the run is trimmed at both ends. Styled inlines never start or end
 * with a space; the space moves into the neighbouring text so that renderers can wrap them in markup safely.
 */
final class InlineCollector {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> CODE_TAGS = Set.of("code", "kbd", "samp", "tt");
    private static final Set<String> EMPHASIS_TAGS = Set.of("em", "i");
    private static final Set<String> STRONG_TAGS = Set.of("strong", "b");

    private final InlineRun run = new InlineRun();

    private InlineCollector() {
    }

    /** Collects the inlines of the given nodes, in order; an empty list when they hold no visible text. */
    static List<Inline> collect(List<? extends Node> nodes) {
        InlineCollector collector = new InlineCollector();
        nodes.forEach(collector::add);
        return collector.run.finish();
    }

    /** Collapses whitespace runs to single spaces and trims; null becomes the empty string. */
    static String collapse(String text) {
        return Whitespace.collapse(text);
    }

    private void add(Node node) {
        if (node instanceof TextNode text) {
            run.text(text.getWholeText());
        } else if (node instanceof Element element) {
            addElement(element);
        }
        // comments and other non-visible nodes contribute nothing
    }

    private void addElement(Element element) {
        String name = element.normalName();
        if (name.equals("br")) {
            run.text(" ");
        } else if (name.equals("a") && element.hasAttr("href")) {
            addLink(element);
        } else if (CODE_TAGS.contains(name)) {
            addStyled(new Inline.Code(collapse(element.wholeText())), element.wholeText());
        } else if (EMPHASIS_TAGS.contains(name) && !holdsLinkOrCode(element)) {
            addStyled(new Inline.Emphasis(collapse(element.text())), element.wholeText());
        } else if (STRONG_TAGS.contains(name) && !holdsLinkOrCode(element)) {
            addStyled(new Inline.Strong(collapse(element.text())), element.wholeText());
        } else {
            // Unknown or block-level wrappers inside a run still separate words, as a browser shows them.
            boolean block = !BlockWalker.isInlineTag(name);
            if (block) {
                run.text(" ");
            }
            element.childNodes().forEach(this::add);
            if (block) {
                run.text(" ");
            }
        }
    }

    private void addLink(Element link) {
        String text = collapse(link.text());
        String href = link.absUrl("href");
        if (isPermalink(link.attr("href"), text)) {
            return; // "¶" or "#" anchors next to headings are navigation chrome, not content
        }
        if (text.isEmpty() || !LINK_SCHEMES.contains(scheme(href))) {
            link.childNodes().forEach(this::add);
            return;
        }
        addStyled(new Inline.Link(text, href), link.wholeText());
    }

    /** Emphasis keeps only plain text, so it steps aside when it wraps something worth more, like a link. */
    private static boolean holdsLinkOrCode(Element element) {
        return !element.select("a[href], code, kbd, samp, tt").isEmpty();
    }

    private static boolean isPermalink(String rawHref, String text) {
        return rawHref.startsWith("#") && text.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private void addStyled(Inline styled, String rawText) {
        if (styled.text().isEmpty()) {
            return;
        }
        if (startsWithSpace(rawText)) {
            run.text(" ");
        }
        run.styled(styled);
        if (endsWithSpace(rawText)) {
            run.text(" ");
        }
    }

    private static boolean startsWithSpace(String text) {
        return !text.isEmpty() && Whitespace.isSpace(text.charAt(0));
    }

    private static boolean endsWithSpace(String text) {
        return !text.isEmpty() && Whitespace.isSpace(text.charAt(text.length() - 1));
    }


}
