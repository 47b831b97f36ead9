package dev.cartage.render;

import java.util.Objects;

/**
 * A document rendered into one format: what the render stage hands to deliver.
 *
 * @param format    the format it was rendered in
 * @param mediaType the media type to send it with, normally {@code format.mediaType()}
 * @param title     the document's title, or null when it has none
 * @param content   the rendered content
 */
public record Rendered(Format format, String mediaType, String title, String content) {

    public Rendered {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }
}
