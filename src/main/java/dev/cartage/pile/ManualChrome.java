package dev.cartage.pile;

import java.util.Locale;
import java.util.SplittableRandom;

import org.jsoup.nodes.Element;

/**
 * The parts of a manual page that are not the manual: site header and menu, related-manuals sidebar, footer and
 * cookie banner. They are here so that content extraction has real boilerplate to strip.
 */
final class ManualChrome {

    private static final int RELATED = 5;

    private ManualChrome() {
    }

    static void head(Element head, Chapter chapter) {
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(chapter.title() + " | " + ManualWords.SITE_NAME);
        head.appendElement("meta").attr("name", "description").attr("content", chapter.description());
        property(head, "og:title", chapter.title());
        property(head, "og:description", chapter.description());
        property(head, "og:type", "article");
        property(head, "og:site_name", ManualWords.SITE_NAME);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "../../static/site.css");
        head.appendElement("script").attr("src", "../../static/site.js").attr("defer", true);
    }

    static void header(Element body, Chapter chapter) {
        Element header = body.appendElement("header").addClass("site-header");
        header.appendElement("a").addClass("site-name").attr("href", chapter.listingHref()).text(ManualWords.SITE_NAME);
        Element menu = header.appendElement("nav").attr("aria-label", "Main").appendElement("ul");
        for (String item : ManualWords.NAV) {
            String anchor = item.toLowerCase(Locale.ROOT);
            menu.appendElement("li").appendElement("a").attr("href", chapter.listingHref() + "#" + anchor).text(item);
        }
        Element search = header.appendElement("form").addClass("search").attr("action", chapter.listingHref());
        search.appendElement("input").attr("type", "search").attr("name", "q").attr("placeholder", "Search manuals");
    }

    /** Links to other pages of the same pile; drawn from the page's stream, so they are part of its identity. */
    static void sidebar(Element body, Chapter chapter, SplittableRandom random) {
        Element aside = body.appendElement("aside").addClass("sidebar");
        aside.appendElement("h2").text("Related manuals");
        Element list = aside.appendElement("ul");
        for (int i = 0; i < RELATED; i++) {
            int m = random.nextInt(chapter.neighbourhood());
            String title = Chapter.of(chapter.seed(), m).title();
            list.appendElement("li").appendElement("a").attr("href", Chapter.href(m, chapter.seed())).text(title);
        }
    }

    static void footer(Element body, Chapter chapter) {
        Element footer = body.appendElement("footer").addClass("site-footer");
        footer.appendElement("p").text("© 1959–2025 " + ManualWords.SITE_NAME
                + ". Manuals are reproduced for study; trademarks belong to their owners.");
        Element links = footer.appendElement("ul");
        for (String item : ManualWords.FOOTER) {
            String anchor = item.toLowerCase(Locale.ROOT).replace(' ', '-');
            links.appendElement("li").appendElement("a").attr("href", chapter.listingHref() + "#" + anchor).text(item);
        }
        links.appendElement("li").appendElement("a").attr("href", "https://www.computerhistory.org/")
                .text("Computer History Museum");
    }

    static void cookieBanner(Element body) {
        Element banner = body.appendElement("div").addClass("cookie-banner")
                .attr("role", "dialog").attr("aria-label", "Cookie consent");
        banner.appendElement("p").text("We use cookies to remember which manuals you have read. ")
                .appendElement("a").attr("href", "#privacy").text("Learn more");
        banner.appendElement("button").attr("type", "button").text("Accept all cookies");
    }

    private static void property(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }
}
