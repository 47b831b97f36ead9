package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text statistics of every element of a page and Readability-style content scores, computed bottom-up in one
 * pass so that no element's text is read more than once (reading {@code text()} per ancestor would be quadratic).
 *
 * <p>Paragraphs (a {@code p}, {@code pre}, {@code td}, {@code section} or {@code h2–h6}, a {@code div} without
 * block children, or a run of loose text among a {@code div}'s blocks) of at least 25 characters give their
 * ancestors points for their length and commas: the parent all, the grandparent half, further ancestors less.
 * An ancestor's final score is scaled down by its link density.
 */
final class ContentStats {

    private static final ElementStats NONE = new ElementStats();
    private static final int MIN_PARAGRAPH = 25;
    private static final int SCORED_LEVELS = 5;
    private static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> DIV_LIKE = Set.of("div", "article", "main", "section");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p",
            "pre", "table", "ul");
    private static final Set<String> EMBEDS = Set.of("object", "embed", "iframe", "video", "audio");

    private final Map<Element, ElementStats> stats = new IdentityHashMap<>();
    private final List<Element> candidates = new ArrayList<>();
    private final List<Element> skipped = new ArrayList<>();
    private final Map<String, Integer> weights = new HashMap<>();
    private final boolean weighClasses;

    private ContentStats(boolean weighClasses) {
        this.weighClasses = weighClasses;
    }

    /**
     * Measures and scores the elements under {@code root}.
     *
     * @param skipBoilerplate leave out (as if removed) elements whose names mark them as boilerplate or bylines;
     *                        they are listed in {@link #skipped()} for the caller to remove
     * @param weighClasses    let class and id names raise or lower an element's score
     */
    static ContentStats of(Element root, boolean skipBoilerplate, boolean weighClasses) {
        ContentStats result = new ContentStats(weighClasses);
        root.filter(result.new Pass(root, skipBoilerplate));
        for (Element candidate : result.candidates) {
            ElementStats s = result.of(candidate);
            s.score *= 1 - Math.min(1, s.linkDensity());
        }
        return result;
    }

    ElementStats of(Element element) {
        return stats.getOrDefault(element, NONE);
    }

    boolean isCandidate(Element element) {
        return of(element).candidate;
    }

    double score(Element element) {
        return of(element).score;
    }

    List<Element> candidates() {
        return candidates;
    }

    /** Elements left out as boilerplate, outermost only, in document order. */
    List<Element> skipped() {
        return skipped;
    }

    /** Gives an element that got no points from paragraphs its starting score, so that it can be compared. */
    void initialize(Element element) {
        ElementStats s = stats.computeIfAbsent(element, e -> new ElementStats());
        if (!s.candidate) {
            s.candidate = true;
            s.score = tagScore(element.normalName()) + (weighClasses ? weight(element) : 0);
            candidates.add(element);
        }
    }

    /** {@link ClassNames#weight}, remembered per class-and-id pair: pages repeat a few names on many elements. */
    int weight(Element element) {
        String className = element.className();
        String id = element.id();
        if (className.isEmpty() && id.isEmpty()) {
            return 0;
        }
        return weights.computeIfAbsent(className + '#' + id, key -> ClassNames.weight(element));
    }

    /** Takes a removed element's counts away from its ancestors up to {@code root}. */
    void removed(Element element, Element root) {
        MarshalDeadline.checkCurrent();
        ElementStats gone = of(element);
        for (Element up = element.parent(); up != null; up = up.parent()) {
            ElementStats s = stats.get(up);
            if (s != null) {
                s.subtract(gone);
            }
            if (up == root) {
                break;
            }
        }
    }

    private static int tagScore(String tag) {
        return switch (tag) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    private void paragraph(Element firstAncestor, int length, int commas) {
        if (length < MIN_PARAGRAPH || firstAncestor == null) {
            return;
        }
        double points = 2 + commas + Math.min(length / 100, 3);
        Element ancestor = firstAncestor;
        for (int level = 0; level < SCORED_LEVELS && ancestor != null; level++) {
            if (ancestor.nameIs("html") || ancestor.nameIs("#root")) {
                break;
            }
            initialize(ancestor);
            stats.get(ancestor).score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            ancestor = ancestor.parent();
        }
    }

    /** The bottom-up pass: counts text on the way down, sums and scores each element on the way back up. */
    private final class Pass implements NodeFilter {
        private final Element root;
        private final boolean skipBoilerplate;
        private final Map<String, ClassNames.Verdict> verdicts = new HashMap<>();

        Pass(Element root, boolean skipBoilerplate) {
            this.root = root;
            this.skipBoilerplate = skipBoilerplate;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            MarshalDeadline.checkCurrent(); // one element of a possibly huge page
            if (node instanceof TextNode text) {
                ElementStats parent = stats.get((Element) text.parent());
                if (parent != null) {
                    parent.text += TextMeasure.length(text.getWholeText());
                    parent.commas += TextMeasure.commas(text.getWholeText());
                }
            } else if (node instanceof Element element) {
                if (element != root && skipBoilerplate && Boilerplate.isNamedBoilerplate(element, verdicts)) {
                    skipped.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                stats.put(element, new ElementStats());
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            ElementStats s = stats.get(element);
            String tag = element.normalName();
            count(element, tag, s);
            boolean hasBlockChild = false;
            for (int i = 0; i < element.childNodeSize() && !hasBlockChild; i++) {
                hasBlockChild = element.childNode(i) instanceof Element child && !of(child).inline;
            }
            s.inline = !hasBlockChild && BlockWalker.isInlineTag(tag);
            if (tag.equals("div") && !hasBlockChild && element.childNodeSize() > 0) {
                s.paragraphs++; // a div of text reads as a paragraph, and counts as one
            }
            if (SCORED_TAGS.contains(tag) || (tag.equals("div") && !hasBlockChild)) {
                paragraph(element.parent(), s.text, s.commas);
            } else if (DIV_LIKE.contains(tag) && hasBlockChild) {
                s.paragraphs += looseTextRuns(element);
            }
            if (element != root && element.parent() != null) {
                ElementStats parent = stats.get(element.parent());
                if (parent != null) {
                    parent.add(s);
                }
            }
            return FilterResult.CONTINUE;
        }

        private void count(Element element, String tag, ElementStats s) {
            if (tag.equals("a") && element.hasAttr("href")) {
                s.linkText = element.attr("href").startsWith("#") ? s.text * 0.3 : s.text;
            } else if (tag.equals("p")) {
                s.paragraphs++;
            } else if (tag.equals("img")) {
                s.images++;
            } else if (tag.equals("li")) {
                s.listItems++;
            } else if (tag.equals("input")) {
                s.inputs++;
            } else if (EMBEDS.contains(tag)) {
                s.embeds++;
            }
            s.headingTag = HEADINGS.contains(tag);
            s.textishTag = TEXTISH.contains(tag);
            s.listTag = tag.equals("ul") || tag.equals("ol");
        }

        /**
         * Text and inline elements between a div's blocks are paragraphs of the div, as a reader sees them.
         * Returns how many such runs hold text.
         */
        private int looseTextRuns(Element element) {
            int runs = 0;
            int length = 0;
            int commas = 0;
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    length += TextMeasure.length(text.getWholeText());
                    commas += TextMeasure.commas(text.getWholeText());
                } else if (child instanceof Element inner && of(inner).inline) {
                    length += of(inner).text;
                    commas += of(inner).commas;
                } else if (child instanceof Element) {
                    runs += length > 0 ? 1 : 0;
                    paragraph(element, length, commas);
                    length = 0;
                    commas = 0;
                }
            }
            paragraph(element, length, commas);
            return runs + (length > 0 ? 1 : 0);
        }
    }
}
