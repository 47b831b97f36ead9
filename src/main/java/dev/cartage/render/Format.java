package dev.cartage.render;

import java.util.Arrays;
import java.util.Optional;

/** An output format a run can ask for; the wire name is what the API accepts in {@code format}. */
public enum Format {
    MARKDOWN("markdown", "text/markdown;charset=UTF-8", true),
    HTML("html", "text/html;charset=UTF-8", true),
    TEXT("text", "text/plain;charset=UTF-8", true),
    JSON("json", "application/json", true),
    CARD("card", "text/html;charset=UTF-8", true);

    private final String wireName;
    private final String mediaType;
    private final boolean available;

    Format(String wireName, String mediaType, boolean available) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.available = available;
    }

    public String wireName() {
        return wireName;
    }

    /** The media type of content rendered in this format, as sent in {@code Content-Type}. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Whether this service can render the format yet. The API answers 400 for a format that is not available,
     * never a silent fallback to another.
     */
    public boolean available() {
        return available;
    }

    /** Finds the format with the given wire name, such as {@code markdown}; names are case-sensitive. */
    public static Optional<Format> fromWireName(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
