package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds the element that holds a cleaned page's main content.
 *
 * <p>In order: the {@code main} element (or {@code role=main}) with the most text; else the article holding two
 * thirds of all articles' text, or, when no article dominates like that (a listing page), the articles' nearest
 * common ancestor; else the smallest element that holds two thirds of the paragraph text, so that content split
 * into sections is still found as a whole; else the body.
 */
final class MainContent {

    private MainContent() {
    }

    /** Returns the content element: the given body itself when nothing narrower stands out. */
    static Element locate(Element body) {
        Elements mains = body.select("main, [role=main]");
        if (!mains.isEmpty()) {
            return mostText(mains);
        }
        Elements articles = body.select("article:not(article article)");
        if (!articles.isEmpty()) {
            Element largest = mostText(articles);
            long total = articles.stream().mapToLong(MainContent::textLength).sum();
            return textLength(largest) * 3 >= total * 2 ? largest : commonAncestor(articles, body);
        }
        return densestParagraphs(body);
    }

    private static Element mostText(Elements candidates) {
        return candidates.stream().max(Comparator.comparingLong(MainContent::textLength)).orElseThrow();
    }

    private static long textLength(Element element) {
        return element.text().length();
    }

    private static Element commonAncestor(Elements elements, Element body) {
        for (Element candidate : elements.first().parents()) {
            if (elements.stream().allMatch(element -> element.parents().contains(candidate))) {
                return candidate;
            }
            if (candidate == body) {
                break;
            }
        }
        return body;
    }

    /** The deepest element holding at least two thirds of the paragraph text: the content, however it nests. */
    private static Element densestParagraphs(Element body) {
        Map<Element, Long> scores = new IdentityHashMap<>();
        long total = 0;
        for (Element paragraph : body.select("p")) {
            long length = textLength(paragraph);
            total += length;
            for (Element up = paragraph.parent(); up != null && up != body; up = up.parent()) {
                scores.merge(up, length, Long::sum);
            }
        }
        long threshold = (total * 2 + 2) / 3;
        return scores.entrySet().stream()
                .filter(entry -> entry.getValue() > 0 && entry.getValue() >= threshold)
                .map(Map.Entry::getKey)
                .max(Comparator.comparingInt(element -> element.parents().size()))
                .orElse(body);
    }
}
