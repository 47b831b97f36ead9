package dev.cartage.marshal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainContentTest {

    private static final String LONG = "A sentence of an article, long enough to count as a paragraph, with commas, "
            + "clauses, and more words than a teaser would ever need to carry.";

    @Test
    void theBlockWithMostParagraphTextWinsOverTeasersAndLinkLists() {
        List<Element> found = locate("<div id=teasers><p><a href=/a>Teaser one with a long linked headline here</a>"
                + "</p><p><a href=/b>Teaser two with a long linked headline here</a></p></div>"
                + "<div id=story><p>" + LONG + "</p><p>" + LONG + "</p><p>" + LONG + "</p></div>");

        assertThat(found).extracting(Element::id).containsExactly("story");
    }

    @Test
    void siblingParagraphsOfTheContentAreKeptButShortLinkedOnesAreNot() {
        List<Element> found = locate("<div><div id=story><p>" + LONG + "</p><p>" + LONG + "</p><p>" + LONG
                + "</p></div><p id=after>" + LONG + "</p><p id=link><a href=/x>More from us</a></p></div>");

        assertThat(found).extracting(Element::id).containsExactly("story", "after");
    }

    @Test
    void contentSplitIntoEqualSectionsIsFoundAsAWhole() {
        String section = "<section><p>" + LONG + "</p><p>" + LONG + "</p></section>";
        List<Element> found = locate("<div id=promo><p>Buy now.</p></div><div id=story>" + section + section
                + section + "</div>");

        assertThat(found).extracting(Element::id).containsExactly("story");
    }

    @Test
    void aDominantArticleWinsOverABetterScoringBlockOutsideIt() {
        String comments = "<div id=comments-like>" + ("<div><p>" + LONG + "</p></div>").repeat(6) + "</div>";
        List<Element> found = locate("<article id=post><p>" + LONG + "</p><p>" + LONG + "</p><p>" + LONG + "</p><p>"
                + LONG + "</p></article>" + comments);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).closest("article")).isNotNull();
    }

    @Test
    void withoutParagraphsTheBodyIsTheContent() {
        assertThat(locate("<div>just <b>text</b></div>")).extracting(Element::normalName).containsExactly("body");
    }

    private static List<Element> locate(String html) {
        Element body = Jsoup.parse(html).body();
        return MainContent.locate(body, ContentStats.of(body, true, true));
    }
}
