package dev.cartage.marshal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.Locale;

/**
 * Reads the images that stand on their own in content: an {@code img} (or a link or {@code picture} around one)
 * alone in its container, and a {@code figure} with its caption. An image inside running text is left out, as
 * are tracking pixels and images without a usable http(s) address.
 */
final class ImageReader {

    /** Attributes lazy-loading scripts put the real address in, tried before {@code src}. */
    private static final String[] SOURCE_ATTRIBUTES = {"data-src", "data-original", "data-lazy-src", "src"};

    private ImageReader() {
    }

    /** The image the node stands for when it is an image with no text around it inside the node; else null. */
    static Block.Image standalone(Node node) {
        if (!(node instanceof Element element)) {
            return null;
        }
        if (element.nameIs("img")) {
            return image(element, "");
        }
        // the tag is checked before the text: reading every container's text here would make walking quadratic
        Element img = onlyImageInside(element);
        return img == null || !element.text().isBlank() ? null : image(img, "");
    }

    /**
     * The figure's image with its caption, or null when the figure is not one image with a caption: one without
     * a usable image (a code listing, say) or with more text than its caption, which is walked as content. A few
     * characters besides the caption (a gallery's "6", an "Enlarge" button) do not make it a text figure.
     */
    /** Text a figure may hold besides its caption and still be one image: a counter or a button's label. */
    private static final int FIGURE_LABEL_LENGTH = 20;

    static Block.Image figure(Element figure) {
        var images = figure.select("img");
        if (images.size() != 1) {
            return null;
        }
        Element caption = figure.selectFirst("figcaption");
        String captionText = caption == null ? "" : InlineCollector.collapse(caption.text());
        if (InlineCollector.collapse(figure.text()).length() > captionText.length() + FIGURE_LABEL_LENGTH) {
            return null;
        }
        return image(images.first(), captionText);
    }

    private static Element onlyImageInside(Element element) {
        if (!(element.nameIs("a") || element.nameIs("picture") || element.nameIs("span"))) {
            return null;
        }
        var images = element.select("img");
        return images.size() == 1 ? images.first() : null;
    }

    private static Block.Image image(Element img, String caption) {
        if (isPixel(img.attr("width")) || isPixel(img.attr("height"))) {
            return null;
        }
        for (String attribute : SOURCE_ATTRIBUTES) {
            String src = img.absUrl(attribute);
            String scheme = src.toLowerCase(Locale.ROOT);
            if (scheme.startsWith("https://") || scheme.startsWith("http://")) {
                return new Block.Image(src, InlineCollector.collapse(img.attr("alt")), caption);
            }
        }
        return null;
    }

    private static boolean isPixel(String size) {
        return size.equals("0") || size.equals("1");
    }
}
