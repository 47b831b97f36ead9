package dev.cartage.marshal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainContentTest {

    @Test
    void mainWinsOverArticlesAndParagraphs() {
        assertThat(locate("<div><p>long long long long long text</p></div><main id=m><p>short</p></main>").id())
                .isEqualTo("m");
        assertThat(locate("<div role=main id=m><p>short</p></div><article><p>other</p></article>").id())
                .isEqualTo("m");
    }

    @Test
    void aDominantArticleWinsOverSmallerOnes() {
        Element found = locate("<div><article id=a><p>a long article with many many words in it</p></article>"
                + "<article id=c><p>a comment</p></article></div>");

        assertThat(found.id()).isEqualTo("a");
    }

    @Test
    void articlesNestedInAnArticleCountAsPartOfIt() {
        Element found = locate("<article id=post><p>post</p><article><p>a much longer comment than the post</p>"
                + "</article></article>");

        assertThat(found.id()).isEqualTo("post");
    }

    @Test
    void evenlySizedArticlesAreTakenTogether() {
        Element found = locate("<div id=list><article><p>teaser one</p></article><article><p>teaser two</p>"
                + "</article></div><div><p>x</p></div>");

        assertThat(found.id()).isEqualTo("list");
    }

    @Test
    void withoutLandmarksTheSmallestElementHoldingMostParagraphTextWins() {
        Element found = locate("<div id=promo><p>buy</p></div><div id=story><section><p>first half of the story"
                + "</p></section><section><p>second half of the story</p></section></div>");

        assertThat(found.id()).isEqualTo("story");
    }

    @Test
    void withoutParagraphsTheBodyIsTheContent() {
        Element found = locate("<div>just <b>text</b></div>");

        assertThat(found.nameIs("body")).isTrue();
    }

    private static Element locate(String html) {
        return MainContent.locate(Jsoup.parse(html).body());
    }
}
