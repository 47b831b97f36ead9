package dev.cartage.source;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import javax.xml.stream.XMLStreamException;

import com.rometools.rome.io.FeedException;

import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import dev.cartage.pipeline.ItemFailure;
import dev.cartage.pipeline.Stage;

/**
 * One item an entry expanded to, before it is numbered: an item to work on, or the failure of a document or an
 * address that could not become one. Failures are items too (docs/api.md: every item yields exactly one outcome), so a
 * broken sitemap is reported where its pages would have been and the run goes on.
 *
 * @param source  what the outcome will name as its source: the URL, or the document's name
 * @param item    the item; null when it failed
 * @param failure why it failed; null when it did not
 */
record Expanded(String source, SourceItem item, ItemFailure failure) {

    /** Expansion fetches documents the way the fetch stage fetches pages, so its failures are the fetch stage's. */
    static final Stage STAGE = Stage.FETCH;

    static Expanded item(String source, SourceItem item) {
        return new Expanded(source, item, null);
    }

    static Expanded failed(String source, FailureType type, String message) {
        return new Expanded(source, null, ItemFailure.of(STAGE, type, message));
    }

    /**
     * The failure of the document at {@code source}: its fetch's own type ({@code http-status}, {@code blocked},
     * …), {@code timeout}, {@code too-large} past the body limit, or {@code parse} for content that is not a
     * readable sitemap or feed.
     */
    static Expanded failed(String source, Throwable error) {
        if (error instanceof ItemException item) {
            return new Expanded(source, null, new ItemFailure(STAGE, item.type(), item.getMessage(), item.httpStatus()));
        }
        if (error instanceof TimeoutException) {
            return failed(source, FailureType.TIMEOUT, "the document " + source + " did not arrive within "
                    + "cartage.limits.expansion-timeout");
        }
        BodyTooLargeException tooLarge = cause(error, BodyTooLargeException.class);
        if (tooLarge != null) {
            return failed(source, FailureType.TOO_LARGE, tooLarge.getMessage());
        }
        if (error instanceof XMLStreamException || error instanceof IOException || error instanceof FeedException
                || error instanceof NotAListingException) {
            return failed(source, FailureType.PARSE, "could not read " + source + ": " + reason(error));
        }
        return failed(source, FailureType.INTERNAL, "expanding " + source + " failed: " + reason(error));
    }

    Envelope<SourceItem> toEnvelope(long seq) {
        return item != null ? Envelope.of(seq, source, item) : Envelope.failed(seq, source, failure);
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        // the JDK's StAX parser keeps what its input stream threw as a "nested exception", not as the cause
        for (Throwable t = error; t != null;
             t = t instanceof XMLStreamException xml && xml.getNestedException() != null ? xml.getNestedException() : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String reason(Throwable error) {
        String message = error.getMessage();
        // parser messages span lines ("ParseError at [row,col]:[3,5]\nMessage: ..."); an outcome's message is one line
        return message == null || message.isBlank() ? error.getClass().getSimpleName()
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
