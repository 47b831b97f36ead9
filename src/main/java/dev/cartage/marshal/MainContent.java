package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the elements that hold a page's main content from their {@link ContentStats} scores, the way
 * Readability.js does: the best-scoring candidate, widened to an ancestor when several near-equal candidates share
 * it or when the ancestor scores as well, plus those of its siblings that score well or read like paragraphs.
 */
final class MainContent {

    private static final int TOP_CANDIDATES = 5;
    private static final Evaluator ARTICLES = QueryParser.parse("article:not(article article)");
    private static final int MIN_SHARED_CANDIDATES = 3;
    private static final Evaluator ALL_ARTICLES = QueryParser.parse("article");
    private static final Evaluator NESTED_ARTICLE = QueryParser.parse("article article");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private MainContent() {
    }

    /**
     * Returns the content's elements in document order: the body alone when no candidate stands out.
     */
    static List<Element> locate(Element body, ContentStats stats) {
        List<Element> ranked = new ArrayList<>(stats.candidates());
        ranked.sort(Comparator.comparingDouble(stats::score).reversed());
        if (ranked.isEmpty() || ranked.get(0) == body) {
            return List.of(body);
        }
        Element article = dominantArticle(body, stats);
        if (article != null && !isAncestor(article, ranked.get(0)) && !isAncestor(ranked.get(0), article)
                && ranked.get(0) != article) {
            List<Element> inside = ranked.stream().filter(c -> c == article || isAncestor(article, c)).toList();
            if (!inside.isEmpty()) {
                ranked = new ArrayList<>(inside);
            }
        }
        Element top = sharedAncestor(ranked, body, stats);
        top = betterScoringAncestor(top, body, stats);
        Element standalone = standaloneArticleBeside(top, body, stats);
        if (standalone != null) {
            top = standalone;
        }
        for (Element parent = top.parent(); parent != null && parent != body && parent.childrenSize() == 1;
                parent = parent.parent()) {
            top = parent;
        }
        stats.initialize(top);
        return top == body ? List.of(body) : withSiblings(top, stats);
    }

    /** When several candidates score almost as well as the best, the content is their common ancestor. */
    private static Element sharedAncestor(List<Element> ranked, Element body, ContentStats stats) {
        Element top = ranked.get(0);
        double topScore = stats.score(top);
        List<Element> close = ranked.subList(1, Math.min(TOP_CANDIDATES, ranked.size())).stream()
                .filter(candidate -> stats.score(candidate) / topScore >= 0.75)
                .toList();
        if (close.size() < MIN_SHARED_CANDIDATES) {
            return top;
        }
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            Element ancestor = parent;
            long containing = close.stream().filter(candidate -> isAncestor(ancestor, candidate)).count();
            if (containing >= MIN_SHARED_CANDIDATES) {
                return parent;
            }
        }
        return top;
    }

    /** Climbs while an ancestor scores at least a third of its child, stopping at one that beats it. */
    private static Element betterScoringAncestor(Element top, Element body, ContentStats stats) {
        double lastScore = stats.score(top);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            if (!stats.isCandidate(parent)) {
                continue;
            }
            double score = stats.score(parent);
            if (score < threshold) {
                break;
            }
            if (score > lastScore) {
                return parent;
            }
            lastScore = score;
        }
        return top;
    }

    private static List<Element> withSiblings(Element top, ContentStats stats) {
        double topScore = stats.score(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> content = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            if (sibling == top || belongs(sibling, top, topScore, threshold, stats)) {
                content.add(sibling);
            }
        }
        return content;
    }

    private static boolean belongs(Element sibling, Element top, double topScore, double threshold,
                                   ContentStats stats) {
        if (top.nameIs("article") && sibling.select(ALL_ARTICLES).size() >= 2) {
            return false; // an article's neighbour holding articles is its box of teasers, not more of it
        }
        double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
        if (stats.isCandidate(sibling) && stats.score(sibling) + bonus >= threshold) {
            return true;
        }
        if (!sibling.nameIs("p")) {
            return false;
        }
        ElementStats s = stats.of(sibling);
        if (s.text > 80) {
            return s.linkDensity() < 0.25;
        }
        return s.text > 0 && s.linkText == 0 && SENTENCE_END.matcher(sibling.text()).find();
    }

    /**
     * The page's article when it declares one: the outermost {@code article} holding two thirds of all articles'
     * text and at least an article's length. A page of teasers has no dominant article.
     */
    private static Element dominantArticle(Element body, ContentStats stats) {
        Element largest = null;
        long total = 0;
        for (Element article : body.select(ARTICLES)) {
            int text = stats.of(article).text;
            total += text;
            if (largest == null || text > stats.of(largest).text) {
                largest = article;
            }
        }
        return largest != null && stats.of(largest).text >= 500 && stats.of(largest).text * 3L >= total * 2
                ? largest : null;
    }

    /**
     * When the chosen block is a box of teasers (it holds two or more {@code article}s) and the page has exactly one
     * article of its own length outside it, that article is the content: a post followed by its "more posts" box.
     * A listing page has no such article beside its teasers.
     */
    private static Element standaloneArticleBeside(Element top, Element body, ContentStats stats) {
        if (top.select(ALL_ARTICLES).size() < 2) {
            return null;
        }
        Element found = null;
        for (Element article : body.select(ALL_ARTICLES)) {
            if (article == top || isAncestor(article, top) || isAncestor(top, article)
                    || stats.of(article).text < 500 || article.selectFirst(NESTED_ARTICLE) != null) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = article;
        }
        return found;
    }

    private static boolean isAncestor(Element ancestor, Element element) {
        for (Element up = element.parent(); up != null; up = up.parent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }
}
