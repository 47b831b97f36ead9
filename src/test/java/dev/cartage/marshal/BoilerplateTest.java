package dev.cartage.marshal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<div class='site-header'>x</div>", "<div class='cookie-consent'>x</div>", "<div id='cookieBanner'>x</div>",
            "<div class='widget sidebar-left'>x</div>", "<div id='comments'>x</div>", "<div class='related_posts'>x</div>",
            "<div class='ad'>x</div>", "<div class='ads-slot'>x</div>", "<ul class='site-menu'><li>x</li></ul>",
            "<ol class='breadcrumb'><li>x</li></ol>", "<div role='navigation'>x</div>", "<div role='banner'>x</div>",
            "<nav>x</nav>", "<aside>x</aside>", "<header>x</header>", "<footer>x</footer>",
            "<div hidden>x</div>", "<span aria-hidden='true'>x</span>", "<div style='display: none'>x</div>",
            "<div class='commentlist'>x</div>", "<div class='share-content'>x</div>",
            "<p class='byline'>By Ann Author</p>", "<span itemprop='author'>Ann</span>", "<div class='post-author'>Ann</div>"})
    void namedOrTaggedBoilerplateIsRemoved(String html) {
        Element body = clean("<body>" + html + "<p>content</p></body>");

        assertThat(body.text()).isEqualTo("content");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<div class='subheader-text'>x</div>", "<div class='downloads'>x</div>", "<div class='shareholders'>x</div>",
            "<div class='has-sidebar'>x</div>", "<div class='no-comments'>x</div>", "<div class='address'>x</div>",
            "<div class='headline'>x</div>", "<div class='sidebar-layout main-content'>x</div>",
            "<div class='article-header'>x</div>", "<div class='social-embed'>x</div>",
            "<article class='story comment-count'>x</article>", "<main class='menu'>x</main>",
            "<table><tr><td class='comment'>x</td></tr></table>"})
    void wordsInsideOtherWordsAndStateClassesAreKept(String html) {
        Element body = clean("<body>" + html + "</body>");

        assertThat(body.text()).isEqualTo("x");
    }

    @Test
    void anArticlesOwnHeaderAndFooterTagsAreKeptButTheirBoilerplateNamesAreNot() {
        Element body = Jsoup.parse("<body><header>site</header><article><header><h1>Title</h1></header><p>text</p>"
                + "<footer class='entry-footer'>tags</footer></article><footer>page</footer></body>").body();

        Boilerplate.removeNonContent(body);
        assertThat(body.text()).isEqualTo("Title text tags");
        Boilerplate.removeNamed(body);
        assertThat(body.text()).isEqualTo("Title text");
    }

    @Test
    void aLongElementNamedAuthorIsNotAByline() {
        String bio = "Ann Author has written about the history of programming languages for twenty years, "
                + "and teaches compilers.";

        assertThat(clean("<body><div class='author-bio'>" + bio + "</div></body>").text()).isEqualTo(bio);
    }

    @Test
    void aWrapperOfTheMainContentIsKeptWhateverItsName() {
        Element body = clean("<body class='sidebar-layout'><div class='sidebar-wrap'><main><p>text</p></main></div>"
                + "<div class='sidebar'>side</div></body>");

        assertThat(body.text()).isEqualTo("text");
    }

    private static Element clean(String html) {
        Element body = Jsoup.parse(html).body();
        Boilerplate.removeNonContent(body);
        Boilerplate.removeNamed(body);
        return body;
    }
}
