package dev.cartage.marshal;

/**
 * What one element holds, descendants included: text and link lengths, commas, counts of the tags Readability.js
 * judges blocks by, and the element's content score. Filled by {@link ContentStats}; counts are updated when the
 * cleaner removes elements.
 */
final class ElementStats {
    int text;
    double linkText;
    int commas;
    int paragraphs;
    int images;
    int listItems;
    int inputs;
    int embeds;
    /** Text inside headings below this element. */
    int headingText;
    /** Text inside span, li, td, p, div and the like below this element: none means loose decoration. */
    int textishText;
    /** Text inside lists below this element. */
    int listText;
    boolean inline = true;
    boolean textishTag;
    boolean headingTag;
    boolean listTag;
    boolean candidate;
    double score;

    double linkDensity() {
        return text == 0 ? 0 : linkText / text;
    }

    void add(ElementStats child) {
        text += child.text;
        linkText += child.linkText;
        commas += child.commas;
        paragraphs += child.paragraphs;
        images += child.images;
        listItems += child.listItems;
        inputs += child.inputs;
        embeds += child.embeds;
        headingText += child.headingTag ? child.text : child.headingText;
        textishText += child.textishTag ? child.text : child.textishText;
        listText += child.listTag ? child.text : child.listText;
    }

    void subtract(ElementStats child) {
        text -= child.text;
        linkText -= child.linkText;
        commas -= child.commas;
        paragraphs -= child.paragraphs;
        images -= child.images;
        listItems -= child.listItems;
        inputs -= child.inputs;
        embeds -= child.embeds;
        headingText -= child.headingTag ? child.text : child.headingText;
        textishText -= child.textishTag ? child.text : child.textishText;
        listText -= child.listTag ? child.text : child.listText;
    }
}
