package dev.cartage.marshal;

import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns the inline nodes of one CommonMark paragraph, heading, list item or cell into flat {@link Inline}s, with
 * whitespace collapsed as for HTML.
 *
 * <p>Emphasis keeps plain text (the model is flat), and steps aside for its children when it wraps a link or
 * code. Links keep http, https and mailto targets made absolute; an image inside running text becomes a link to
 * it named by its alt text. Raw inline HTML is kept as literal text, never as markup.
 */
final class MarkdownInlines {

    /** Inline nesting followed at most; deeper content still counts, as plain text. */
    private static final int MAX_DEPTH = 32;

    private final String baseUrl;
    private final MarshalDeadline deadline;
    private final InlineRun run = new InlineRun();
    private int depth;

    private MarkdownInlines(String baseUrl, MarshalDeadline deadline) {
        this.baseUrl = baseUrl;
        this.deadline = deadline;
    }

    /** The inlines of the parent's children, in order; empty when they hold no visible text. */
    static List<Inline> of(Node parent, String baseUrl, MarshalDeadline deadline) {
        MarkdownInlines collector = new MarkdownInlines(baseUrl, deadline);
        collector.children(parent);
        return collector.run.finish();
    }

    /** The visible text of a node's inline content, whitespace collapsed; walked without recursion. */
    static String plainText(Node parent) {
        StringBuilder text = new StringBuilder();
        Deque<Node> stack = new ArrayDeque<>();
        for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
            stack.push(child);
        }
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            String literal = literal(node);
            if (literal != null) {
                text.append(literal);
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append(' ');
            } else {
                for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                    stack.push(child);
                }
                if (node instanceof org.commonmark.node.Block) {
                    text.append(' '); // a block inside a list item or quote still separates words
                }
            }
        }
        return collapse(text.toString());
    }

    static String collapse(String text) {
        return Whitespace.collapse(text);
    }

    private static String literal(Node node) {
        if (node instanceof Text text) {
            return text.getLiteral();
        }
        if (node instanceof Code code) {
            return code.getLiteral();
        }
        if (node instanceof HtmlInline html) {
            return html.getLiteral();
        }
        return null;
    }

    private void children(Node parent) {
        if (++depth > MAX_DEPTH) {
            run.text(" " + plainText(parent) + " "); // no recursion without end on hostile input
        } else {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                deadline.check();
                add(child);
            }
        }
        depth--;
    }

    private void add(Node node) {
        if (node instanceof Text || node instanceof HtmlInline) {
            run.text(literal(node));
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            run.text(" ");
        } else if (node instanceof Code code) {
            addStyled(new Inline.Code(collapse(code.getLiteral())));
        } else if (node instanceof Emphasis && !holdsLinkOrCode(node)) {
            addStyled(new Inline.Emphasis(plainText(node)));
        } else if (node instanceof StrongEmphasis && !holdsLinkOrCode(node)) {
            addStyled(new Inline.Strong(plainText(node)));
        } else if (node instanceof Link link) {
            addLink(link);
        } else if (node instanceof Image image) {
            addImage(image);
        } else {
            children(node);
        }
    }

    private void addLink(Link link) {
        String href = LinkTargets.link(baseUrl, link.getDestination());
        String text = plainText(link);
        if (href == null || text.isEmpty()) {
            children(link);
        } else {
            addStyled(new Inline.Link(text, href));
        }
    }

    private void addImage(Image image) {
        String src = LinkTargets.image(baseUrl, image.getDestination());
        String alt = plainText(image);
        if (src != null && !alt.isEmpty()) {
            addStyled(new Inline.Link(alt, src));
        } else {
            run.text(" " + alt + " ");
        }
    }

    /** Emphasis keeps only plain text, so it steps aside when it wraps something worth more, like a link. */
    private static boolean holdsLinkOrCode(Node parent) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(parent);
        while (!stack.isEmpty()) {
            for (Node child = stack.pop().getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Link || child instanceof Code || child instanceof Image) {
                    return true;
                }
                stack.push(child);
            }
        }
        return false;
    }

    /** Styled inlines never start or end with a space: the source's spaces stay in the text around them. */
    private void addStyled(Inline styled) {
        if (styled.text().isEmpty()) {
            return;
        }
        run.styled(styled);
    }


}
