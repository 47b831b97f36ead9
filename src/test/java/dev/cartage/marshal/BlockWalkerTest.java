package dev.cartage.marshal;

import dev.cartage.marshal.Block.CodeBlock;
import dev.cartage.marshal.Block.ListBlock;
import dev.cartage.marshal.Block.ListItem;
import dev.cartage.marshal.Block.Paragraph;
import dev.cartage.marshal.Block.Quote;
import dev.cartage.marshal.Block.Table;
import dev.cartage.marshal.Inline.Code;
import dev.cartage.marshal.Inline.Link;
import dev.cartage.marshal.Inline.Strong;
import dev.cartage.marshal.Inline.Text;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockWalkerTest {

    @Test
    void whitespaceIsCollapsedAndMovedOutsideStyledText() {
        assertThat(walk("<p>\n  call <code> run( ) </code>,<strong> then </strong>wait&nbsp;&nbsp;now  </p>"))
                .containsExactly(new Paragraph(List.of(new Text("call "), new Code("run( )"), new Text(" , "),
                        new Strong("then"), new Text(" wait now"))));
    }

    @Test
    void noBreakSpacesVerticalTabsTabsAndLineBreaksCollapseLikeTheRenderers() {
        assertThat(walk("<p>&nbsp;a&nbsp;&nbsp;b\u000B\u000Bc\t\td\r\n\ne<strong>\u000Bf&nbsp;</strong>g</p>"))
                .containsExactly(new Paragraph(List.of(new Text("a b c d e "), new Strong("f"), new Text(" g"))));
    }

    @Test
    void emphasisAroundALinkKeepsTheLink() {
        assertThat(walk("<p><strong><a href='https://x.org/'>Read more</a></strong></p>"))
                .containsExactly(new Paragraph(List.of(new Link("Read more", "https://x.org/"))));
    }

    @Test
    void headingPermalinksAreDropped() {
        assertThat(walk("<h2 id=install>Install <a href='#install'>\u00b6</a></h2>"))
                .containsExactly(new Block.Heading(2, "Install"));
    }

    @Test
    void codeLanguageComesFromThePreOrTheCodeClass() {
        assertThat(walk("<pre class='lang-python'>print(1)\n\n</pre><pre><code class='x language-rust'>fn</code></pre>"
                + "<pre>plain</pre>")).containsExactly(new CodeBlock("python", "print(1)"),
                new CodeBlock("rust", "fn"), new CodeBlock("", "plain"));
    }

    @Test
    void quotesHoldBlocks() {
        assertThat(walk("<blockquote><p>one</p><ul><li>two</li></ul></blockquote><blockquote>loose</blockquote>"))
                .containsExactly(
                        new Quote(List.of(paragraph("one"),
                                new ListBlock(false, List.of(new ListItem(List.of(new Text("two")), List.of()))))),
                        new Quote(List.of(paragraph("loose"))));
    }

    @Test
    void listItemsReadThroughParagraphsAndSkipEmptyItems() {
        assertThat(walk("<ol><li><p>first</p><p>more</p><div><ul><li>deep</li></ul></div></li><li> </li></ol>"))
                .containsExactly(new ListBlock(true, List.of(new ListItem(List.of(new Text("first more")),
                        List.of(new ListBlock(false, List.of(new ListItem(List.of(new Text("deep")), List.of()))))))));
    }

    @Test
    void tableWithoutHeaderRowHasAnEmptyHeader() {
        assertThat(walk("<table><tr><td>a</td><td>b <br>c</td></tr><tr><td>d</td></tr></table>"))
                .containsExactly(new Table(List.of(), List.of(List.of("a", "b c"), List.of("d"))));
    }

    @Test
    void layoutTablesAreReadAsContainers() {
        assertThat(walk("<table><tr><td><p>left</p></td><td><table><tr><td>inner</td></tr></table></td></tr></table>"))
                .extracting(Block::plainText)
                .containsExactly("left", "inner");
    }

    @Test
    void blocksInsideInlineElementsStartNewBlocks() {
        assertThat(walk("<div>before <a href='https://x.org/'><div>card title</div><p>card text</p></a> after</div>"))
                .extracting(Block::plainText)
                .containsExactly("before", "card title", "card text", "after");
    }

    private static List<Block> walk(String html) {
        return BlockWalker.walk(Jsoup.parse(html, "https://x.org/").body());
    }

    private static Paragraph paragraph(String text) {
        return new Paragraph(List.of(new Text(text)));
    }

    @Test
    void imagesStandingAloneBecomeImageBlocksWithAbsoluteAddressesAndCaptions() {
        org.jsoup.nodes.Element root = Jsoup.parse("<div><p>Before</p><p><img src='/a.png' alt='A chart'></p>"
                + "<figure><a href='/big.png'><img data-src='b.jpg' src='data:image/gif;base64,R0lGOD' alt=''></a>"
                + "<figcaption>Figure 2: the  cart</figcaption></figure>"
                + "<p>Text with an <img src='/icon.png'> icon inside stays text.</p>"
                + "<p><img src='/pixel.gif' width='1' height='1'></p></div>", "https://example.org/post/").body();

        assertThat(BlockWalker.walk(root)).containsExactly(
                new Block.Paragraph(List.of(new Inline.Text("Before"))),
                new Block.Image("https://example.org/a.png", "A chart", ""),
                new Block.Image("https://example.org/post/b.jpg", "", "Figure 2: the cart"),
                new Block.Paragraph(List.of(new Inline.Text("Text with an icon inside stays text."))));
    }

    @Test
    void aFigureWithACounterBesideItsCaptionIsStillOneImageButAFigureOfTextIsWalked() {
        org.jsoup.nodes.Element root = Jsoup.parse("<div><figure><img src='/a.png' alt=''><span>6</span>"
                + "<figcaption>The harbour at dawn</figcaption></figure>"
                + "<figure><img src='/b.png' alt=''><p>A quotation set as a figure, with text of its own to read.</p>"
                + "<figcaption>The author</figcaption></figure></div>", "https://example.org/").body();

        assertThat(BlockWalker.walk(root)).startsWith(new Block.Image("https://example.org/a.png", "", "The harbour at dawn"))
                .contains(paragraph("A quotation set as a figure, with text of its own to read."));
    }
}
