package dev.cartage.render;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The second line of defence on its own: it must hold even if {@link HtmlBlocks} wrote something unsafe. */
class HtmlSanitizerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "<p onclick=\"x()\">a</p>                        | <p>a</p>",
            "<p style=\"color:red\">a</p>                    | <p>a</p>",
            "<script>alert(1)</script><p>a</p>               | <p>a</p>",
            "<a href=\"javascript:alert(1)\">a</a>            | <a rel=\"nofollow noopener noreferrer\">a</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">a</a>      | <a rel=\"nofollow noopener noreferrer\">a</a>",
            "<a href=\"/relative\">a</a>                      | <a rel=\"nofollow noopener noreferrer\">a</a>",
            "<a href=\"mailto:ada@example.org\">a</a>         | <a href=\"mailto:ada@example.org\" rel=\"nofollow noopener noreferrer\">a</a>",
            "<img src=\"data:text/html,x\" alt=\"a\">         | <img alt=\"a\">",
            "<img src=\"mailto:ada@example.org\">             | <img>",
            "<img src=\"https://x.org/i.png\" onerror=\"x()\"> | <img src=\"https://x.org/i.png\">",
            "<iframe srcdoc=\"x\"></iframe><div>a</div>       | a",
            "<code class=\"language-java\" id=\"x\">a</code>  | <code class=\"language-java\">a</code>"})
    void anythingOutsideTheSafelistIsRemoved(String dirty, String clean) {
        assertThat(HtmlSanitizer.clean(dirty)).isEqualTo(clean);
    }

    @Test
    void whatHtmlBlocksWritesPassesUnchanged() {
        String fragment = HtmlBlocks.write(GeneratedDocuments.document(3).blocks());

        String cleaned = HtmlSanitizer.clean(fragment).replace(" rel=\"nofollow noopener noreferrer\"", "");

        assertThat(normalized(cleaned)).isEqualTo(normalized(fragment));
    }

    /** The fragment as jsoup reads and writes it, so that equivalent escapes compare equal. */
    private static String normalized(String fragment) {
        return Jsoup.parseBodyFragment(fragment).body().html();
    }
}
