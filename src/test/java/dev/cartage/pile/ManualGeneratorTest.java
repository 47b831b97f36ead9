package dev.cartage.pile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManualGeneratorTest {

    private final ManualGenerator generator = new ManualGenerator();

    @Test
    void sameSeedAndPageGiveTheSameBytes() {
        assertThat(new ManualGenerator().page(7, 42)).isEqualTo(generator.page(7, 42));
    }

    @Test
    void anotherSeedOrPageGivesAnotherPage() {
        String page = generator.page(1, 3);

        assertThat(generator.page(2, 3)).isNotEqualTo(page);
        assertThat(generator.page(1, 4)).isNotEqualTo(page);
    }

    @Test
    void pagesCoverEveryLanguage() {
        Set<String> languages = new HashSet<>();
        IntStream.range(0, 200).forEach(n -> languages.add(Chapter.of(1, n).language().name()));

        assertThat(languages).hasSize(ManualLanguages.ALL.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 99_999, Integer.MAX_VALUE})
    void pageHasTheElementsOfADocumentationPage(int n) {
        Document page = Jsoup.parse(generator.page(5, n));
        Element article = page.selectFirst("main article");
        String title = Chapter.of(5, n).title();

        assertThat(page.title()).startsWith(title);
        assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(title);
        assertThat(page.select("meta[property=og:description]").attr("content")).isNotBlank();
        assertThat(article).isNotNull();
        assertThat(article.select("h1").text()).isEqualTo(title);
        assertThat(article.select("h2")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(article.select("h3")).isNotEmpty();
        assertThat(article.select("p")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(article.select("ol > li")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(article.select("ul > li > ul > li")).isNotEmpty();
        assertThat(article.select("pre > code[class^=language-]").text()).isNotBlank();
        assertThat(article.select("table thead th")).hasSize(3);
        assertThat(article.select("table tbody tr")).isNotEmpty();
        assertThat(article.select("a[href~=^[0-9]+\\?seed=5$]")).isNotEmpty();
        assertThat(article.select("a[href^=https://]")).isNotEmpty();
        assertThat(article.text().split("\\s+").length).isGreaterThan(300);
    }

    @Test
    void pageHasTheBoilerplateExtractionMustStrip() {
        Document page = Jsoup.parse(generator.page(1, 8));

        assertThat(page.select("body > header nav a")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.select("body > header").text()).contains(ManualWords.SITE_NAME);
        assertThat(page.select("body > aside a[href]")).hasSize(5);
        assertThat(page.select("body > footer").text()).contains("©");
        assertThat(page.select("body > footer a[href]")).isNotEmpty();
        assertThat(page.select("body > div.cookie-banner").text()).containsIgnoringCase("cookies");
        assertThat(page.select("script[src]")).hasSize(1);
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    @Test
    void codeIsEscapedAndReadsBackUnchanged() {
        int pli = IntStream.range(0, 500)
                .filter(n -> Chapter.of(1, n).language().codeClass().equals("pli"))
                .findFirst().orElseThrow();
        String html = generator.page(1, pli);

        assertThat(html).contains("COUNT &lt; 3");
        assertThat(Jsoup.parse(html).select("code.language-pli").text()).contains("COUNT < 3");
    }

    @Test
    void relatedLinksCarryTheTitleOfThePageTheyPointTo() {
        Element link = Jsoup.parse(generator.page(3, 10)).selectFirst("aside a");
        int target = Integer.parseInt(link.attr("href").substring(0, link.attr("href").indexOf('?')));

        assertThat(link.text()).isEqualTo(Chapter.of(3, target).title());
    }
}
