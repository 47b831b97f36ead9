package dev.cartage.marshal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction rules end to end, each on a small page: what a rule removes, and where it must not fire. */
class ContentExtractorTest {

    private static final String LONG = "A sentence of the article, long enough to count as a paragraph, with commas, "
            + "clauses, and more words than a teaser would ever need to carry.";
    private static final String BODY = ("<p>" + LONG + "</p>").repeat(4);

    private final HtmlMarshaller marshaller = new HtmlMarshaller(1 << 20);

    @Test
    void linkOnlyParagraphsLinkListsAndAdLabelsInsideTheContentAreRemoved() {
        String text = text("<div class=story>" + BODY + "<p><a href=/more>READ MORE: another story</a></p>"
                + "<div>Advertisement</div><ul><li><a href=/a>Related one</a></li><li><a href=/b>Related two</a></li>"
                + "<li><a href=/c>Related three</a></li></ul>" + BODY + "</div>");

        assertThat(text).contains(LONG).doesNotContain("READ MORE", "Advertisement", "Related");
    }

    @Test
    void aDatelineBeforeTheArticleIsLeftOutButADateInItsTextIsNot() {
        String text = text("<div class=story><div>Updated Nov 13, 2019, 10:28am EST</div>" + BODY
                + "<p>Next meeting: 12/05/2020.</p>" + BODY + "</div>");

        assertThat(text).doesNotContain("Updated").contains("Next meeting: 12/05/2020.");
    }

    @Test
    void aShortNoteKeepsItsLoneLink() {
        String text = text("<main><p>Written in the request, and short.</p><p><a href=next.html>next</a></p></main>");

        assertThat(text).isEqualTo("Written in the request, and short.\n\nnext");
    }

    @Test
    void aLongLinkedSentenceAndAListOfTextAreKept() {
        String linked = "<p><a href=/report>The full report of the committee, published this morning, runs to three "
                + "hundred pages and makes forty recommendations to the minister.</a></p>";
        String text = text("<div class=story>" + BODY + linked + "<ul><li>First point</li><li>Second point</li>"
                + "</ul>" + BODY + "</div>");

        assertThat(text).contains("The full report of the committee", "First point", "Second point");
    }

    @Test
    void linkDenseBlocksAndImageStripsAreCleanedButDataTablesAndCodeStay() {
        String links = "<div><a href=/1>one link</a> <a href=/2>two links</a> and words</div>";
        String strip = "<div><img src=/a.jpg><img src=/b.jpg><img src=/c.jpg></div>";
        String table = "<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2019</td><td>12</td></tr></table>";
        Document document = marshal("<div class=story>" + BODY + links + strip + table
                + "<pre><code class=language-java>int x = 1;</code></pre>" + BODY + "</div>");

        assertThat(text(document)).doesNotContain("one link");
        assertThat(document.blocks()).noneMatch(block -> block instanceof Block.Image);
        assertThat(document.blocks()).anyMatch(block -> block instanceof Block.Table)
                .anyMatch(block -> block instanceof Block.CodeBlock);
    }

    @Test
    void aHeadingThatRepeatsTheTitleIsLeftOutButOtherHeadingsStay() {
        String text = text("<title>Budget passes after long night | The Daily</title><div class=story>"
                + "<h1>Budget passes after long night</h1>" + BODY + "<h2>What happens next</h2>" + BODY + "</div>");

        assertThat(text).doesNotContain("Budget passes").contains("What happens next");
    }

    @Test
    void theBodyThePageDeclaresWithMicrodataWins() {
        String text = text("<div class=teasers>" + BODY + BODY + "</div><div itemprop=articleBody><p>" + LONG
                + " The declared body.</p><p>" + LONG + "</p></div>");

        assertThat(text).contains("The declared body.").doesNotContain(LONG + "\n\n" + LONG + "\n\n" + LONG);
    }

    @Test
    void anArticleWhoseClassMentionsItsCommentCountIsKept() {
        String text = text("<article class='post comment-count-3'>" + BODY + "</article><div id=comments><p>"
                + "A reader's comment, long enough to be a paragraph of its own, and more.</p></div>");

        assertThat(text).contains(LONG).doesNotContain("reader's comment");
    }

    @Test
    void aShortArticleKeepsItsTextButNotItsWidgets() {
        String text = text("<article><p>The council met on Tuesday and approved the new bus lanes.</p><p>Work starts"
                + " in spring.</p><div class=share-buttons><a href=/s>Share</a></div></article>");

        assertThat(text).isEqualTo("The council met on Tuesday and approved the new bus lanes.\n\nWork starts in spring.");
    }

    @Test
    void contentInsideAMisleadinglyNamedWrapperIsFoundOnTheRetry() {
        String text = text("<div class=comments-wrapper><p>" + LONG + "</p><p>" + LONG + "</p></div>");

        assertThat(text).contains(LONG);
    }

    @Test
    void aWrapperNamedLikeAWidgetThatHoldsMostOfTheContentIsKeptButASmallWidgetInsideItGoes() {
        String text = text("<div class=entry-content><div class=widget-container>" + BODY + BODY
                + "<div class=widget-box><p>Follow us everywhere for more of the same.</p></div></div></div>");

        assertThat(text).contains(LONG).doesNotContain("Follow us");
    }

    @Test
    void paragraphsWrittenAsDivsOfTextAreKeptButCaptionDivsAndShortLabelsGo() {
        String paragraph = "<div class=body-paragraph>" + LONG + "</div>";
        String text = text("<div class=story>" + paragraph.repeat(4) + "<div class=caption-full>The minister, left, "
                + "and her deputy arrive at the meeting in the capital on Tuesday, Nov. 19, 2019.</div>"
                + "<div class=kicker>STREAM NOW</div>" + paragraph.repeat(4) + "</div>");

        assertThat(text).contains(LONG).doesNotContain("The minister", "STREAM NOW");
    }

    @Test
    void aShortArticleIsNotTradedForARetryThatOnlyAddsItsComments() {
        String comment = "<p>A reader's comment, long enough to be a paragraph of its own, and it goes on.</p>";
        String text = text("<main><article><p>" + LONG + "</p><p>" + LONG + "</p></article>"
                + "<div class=comments-area><h2>Comments</h2>" + comment.repeat(5) + "</div></main>");

        assertThat(text).contains(LONG).doesNotContain("reader's comment");
    }

    @Test
    void captionsAndCreditsNamedAsSuchAreLeftOutButFigureCaptionsAndStateClassesAreNot() {
        Document document = marshal("<div class=story>" + BODY + "<div class=photo><p><img src=/a.jpg></p>"
                + "<span class=newsCaption>The harbour at dawn <span class=caption>(Image: AGENCY)</span></span></div>"
                + "<figure><img src=/b.jpg><figcaption>The quay at noon<span class=credit>Credit: AGENCY</span>"
                + "</figcaption></figure><div class=without-caption><p>" + LONG + " Kept.</p></div>" + BODY + "</div>");

        assertThat(text(document)).contains(LONG + " Kept.").doesNotContain("harbour", "AGENCY");
        assertThat(document.blocks()).anyMatch(block -> block instanceof Block.Image image
                && image.caption().startsWith("The quay at noon"));
    }

    @Test
    void aShoutedLabelBeforeAHeadlineLinkIsAPromoButAnAuthorsTipIsNot() {
        String text = text("<div class=story>" + BODY + "<p><strong>SEE MORE: <a href=/x>Another story from the "
                + "same desk, told at length</a></strong></p><p>Pro tip: <a href=/meals>get more meal ideas here!</a>"
                + "</p>" + BODY + "</div>");

        assertThat(text).doesNotContain("SEE MORE", "Another story").contains("Pro tip: get more meal ideas here!");
    }

    @Test
    void aPostIsNotJoinedByTheBoxOfTeaserArticlesBesideIt() {
        String teaser = "<article><h2>Story</h2><p>" + LONG + " A teaser of another post.</p><p>" + LONG + "</p></article>";
        String text = text("<div class=columns><article class=post><p>" + LONG + " The post itself.</p><p>" + LONG
                + "</p><p>" + LONG + "</p><p>" + LONG + "</p></article><article class=more>" + teaser.repeat(6)
                + "</article></div>");

        assertThat(text).contains("The post itself.").doesNotContain("A teaser of another post.");
    }

    @Test
    void aListingPageKeepsAllItsTeasers() {
        String teaser = "<article><h2>Story</h2><p>" + LONG + "</p></article>";
        String text = text("<div class=list>" + teaser.replace("Story", "First") + teaser.replace("Story", "Second")
                + teaser.replace("Story", "Third") + "</div>");

        assertThat(text).contains("First", "Second", "Third");
    }

    private String text(String html) {
        return text(marshal(html));
    }

    private Document marshal(String html) {
        return marshaller.marshal(html.getBytes(StandardCharsets.UTF_8), "text/html", "https://example.org/a");
    }

    private static String text(Document document) {
        List<Block> blocks = document.blocks();
        return blocks.stream().map(Block::plainText).collect(Collectors.joining("\n\n"));
    }
}
