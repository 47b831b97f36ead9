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
            "<div class='ad'>x</div>", "<div class='ads-slot'>x</div>", "<ul class='main-menu'><li>x</li></ul>",
            "<ol class='breadcrumb'><li>x</li></ol>", "<div role='navigation'>x</div>", "<div role='banner'>x</div>",
            "<nav>x</nav>", "<aside>x</aside>", "<form>x</form>", "<header>x</header>", "<footer>x</footer>",
            "<div hidden>x</div>", "<span aria-hidden='true'>x</span>"})
    void namedOrTaggedBoilerplateIsRemoved(String html) {
        Element body = clean("<body>" + html + "<p>content</p></body>");

        assertThat(body.text()).isEqualTo("content");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<div class='subheader-text'>x</div>", "<div class='downloads'>x</div>", "<div class='shareholders'>x</div>",
            "<div class='has-sidebar'>x</div>", "<div class='no-comments'>x</div>", "<div class='address'>x</div>",
            "<div class='headline'>x</div>"})
    void wordsInsideOtherWordsAndStateClassesAreKept(String html) {
        Element body = clean("<body>" + html + "</body>");

        assertThat(body.text()).isEqualTo("x");
    }

    @Test
    void anArticlesOwnHeaderAndFooterAreKept() {
        Element body = clean("<body><header>site</header><article><header class='entry-header'><h1>Title</h1>"
                + "</header><p>text</p><footer class='entry-footer'>byline</footer></article><footer>page</footer>"
                + "</body>");

        assertThat(body.text()).isEqualTo("Title text byline");
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
