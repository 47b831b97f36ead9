package dev.cartage.pile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * Writes page {@code n} of the pile: one chapter of a manual of an obsolete programming language, as a complete
 * HTML page with the boilerplate of a real documentation site.
 *
 * <p>A page depends only on its seed and number: the same pair always gives the same bytes. The page is built as
 * a jsoup DOM, so every generated text and attribute is escaped on output.
 */
final class ManualGenerator {

    private static final int MIN_SECTIONS = 4;

    /** The title of page {@code n}, as its {@code h1} states it, without generating the page. */
    String title(long seed, int n) {
        return Chapter.of(seed, n).title();
    }

    /** The complete HTML page {@code n} for {@code seed}; {@code n} must not be negative. */
    String page(long seed, int n) {
        SplittableRandom random = Chapter.random(seed, n);
        Chapter chapter = Chapter.draw(random, seed, n);
        ManualProse prose = new ManualProse(random, chapter.language());
        Document document = Document.createShell("");
        document.outputSettings().charset(StandardCharsets.UTF_8);
        document.prependChild(new DocumentType("html", "", ""));
        document.selectFirst("html").attr("lang", "en");
        ManualChrome.head(document.head(), chapter);
        Element body = document.body();
        ManualChrome.header(body, chapter);
        article(body.appendElement("main").appendElement("article"), chapter, prose, random);
        ManualChrome.sidebar(body, chapter, random);
        ManualChrome.footer(body, chapter);
        ManualChrome.cookieBanner(body);
        return document.outerHtml();
    }

    private static void article(Element article, Chapter chapter, ManualProse prose, SplittableRandom random) {
        article.appendElement("h1").text(chapter.title());
        article.appendElement("p").addClass("lead").text(chapter.description() + " " + prose.paragraph(2, 3));
        Element next = article.appendElement("p").text("Continue with ");
        next.appendElement("a").attr("href", Chapter.href(chapter.next(), chapter.seed()))
                .text(Chapter.of(chapter.seed(), chapter.next()).title());
        next.appendText(".");
        List<String> sections = sections(random);
        for (int i = 0; i < sections.size(); i++) {
            article.appendElement("h2").text(sections.get(i));
            article.appendElement("p").text(prose.paragraph(3, 5));
            switch (i) {
                case 0 -> steps(article, random);
                case 1 -> code(article, chapter.language());
                case 2 -> keywordTable(article, chapter.language(), prose);
                case 3 -> relatedConstructs(article, prose);
                default -> article.appendElement("p").text(prose.paragraph(2, 4));
            }
            if (i == 0 || random.nextBoolean()) {
                article.appendElement("h3").text(prose.pick(ManualWords.SUBSECTIONS));
                article.appendElement("p").text(prose.paragraph(2, 4));
            }
        }
        furtherReading(article, chapter, random);
    }

    /** Four to six distinct section headings, in the order they were drawn. */
    private static List<String> sections(SplittableRandom random) {
        List<String> pool = new ArrayList<>(ManualWords.SECTIONS);
        int count = MIN_SECTIONS + random.nextInt(3);
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    private static void steps(Element article, SplittableRandom random) {
        article.appendElement("p").text("To run a program, proceed as follows:");
        Element list = article.appendElement("ol");
        int steps = 3 + random.nextInt(ManualWords.STEPS.size() - 2);
        ManualWords.STEPS.subList(0, steps).forEach(step -> list.appendElement("li").text(step));
    }

    private static void code(Element article, Language language) {
        article.appendElement("p").text("The following complete program shows the usual layout:");
        article.appendElement("pre").appendElement("code")
                .addClass("language-" + language.codeClass()).text(language.sample());
    }

    private static void keywordTable(Element article, Language language, ManualProse prose) {
        Element table = article.appendElement("table");
        table.appendElement("caption").text("Keywords discussed in this chapter");
        Element header = table.appendElement("thead").appendElement("tr");
        List.of("Keyword", "Category", "Notes").forEach(name -> header.appendElement("th").text(name));
        Element rows = table.appendElement("tbody");
        for (String keyword : language.keywords().subList(0, 4)) {
            Element row = rows.appendElement("tr");
            row.appendElement("td").appendElement("code").text(keyword);
            row.appendElement("td").text(prose.pick(ManualWords.CATEGORIES));
            row.appendElement("td").text(prose.sentence());
        }
    }

    /** An unordered list whose second item holds a nested list. */
    private static void relatedConstructs(Element article, ManualProse prose) {
        Element list = article.appendElement("ul");
        list.appendElement("li").text("The " + prose.keyword() + " form and its " + prose.pick(ManualWords.NOUNS));
        Element nested = list.appendElement("li").text("Storage rules:").appendElement("ul");
        nested.appendElement("li").text(prose.sentence());
        nested.appendElement("li").text(prose.sentence());
        list.appendElement("li").text("Restrictions on the " + prose.pick(ManualWords.NOUNS));
    }

    private static void furtherReading(Element article, Chapter chapter, SplittableRandom random) {
        article.appendElement("h2").text("Further Reading");
        Element list = article.appendElement("ul").addClass("further-reading");
        int other = random.nextInt(chapter.neighbourhood());
        list.appendElement("li").appendElement("a").attr("href", Chapter.href(other, chapter.seed()))
                .text(Chapter.of(chapter.seed(), other).title());
        list.appendElement("li").appendElement("a")
                .attr("href", "https://en.wikipedia.org/wiki/" + chapter.language().wikiPath())
                .text(chapter.language().name() + " on Wikipedia");
        list.appendElement("li").appendElement("a").attr("href", "http://www.bitsavers.org/pdf/")
                .text("Scanned original manuals at bitsavers.org");
    }
}
