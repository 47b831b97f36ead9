package dev.cartage.deliver;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.cartage.pipeline.Envelope;
import dev.cartage.pipeline.ItemFailure;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageTimings;
import dev.cartage.render.Rendered;

/**
 * What became of one source item: its content in the requested format, or why it failed. Exactly one per item.
 *
 * @param seq       the item's number in expansion order
 * @param source    the URL (or name) the item came from
 * @param status    {@code ok} or {@code failed}
 * @param format    the requested format's wire name
 * @param mediaType the content's media type; absent when failed
 * @param title     the document title; absent when failed
 * @param content   the rendered content; absent when failed
 * @param error     why the item failed; absent when ok
 * @param timings   milliseconds spent in each stage
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(long seq, String source, String status, String format, String mediaType, String title,
                      String content, Error error, Timings timings) {

    /**
     * @param stage      the stage that raised the failure
     * @param type       the failure's category, e.g. {@code http-status}
     * @param message    what happened
     * @param httpStatus the origin's status, for {@code http-status}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String stage, String type, String message, Integer httpStatus) {
        static Error of(ItemFailure failure) {
            return new Error(failure.stage().wireName(), failure.type().wireName(), failure.message(), failure.httpStatus());
        }
    }

    /** Milliseconds per stage; the last one covers handing the outcome to its destination. */
    public record Timings(double fetchMs, double marshalMs, double renderMs, double deliverMs) {

        /** The item's time in each stage, except deliver's, which is still going on and given apart. */
        static Timings of(StageTimings item, long deliverNanos) {
            return new Timings(millis(item.nanos(Stage.FETCH)), millis(item.nanos(Stage.MARSHAL)),
                    millis(item.nanos(Stage.RENDER)), millis(deliverNanos));
        }
    }

    /** The outcome of an item leaving the render stage, given the time spent delivering it so far. */
    public static Outcome of(Envelope<Rendered> item, String format, long deliverNanos) {
        Timings timings = Timings.of(item.timings(), deliverNanos);
        if (item.isFailed()) {
            return new Outcome(item.seq(), item.source(), "failed", format, null, null, null,
                    Error.of(item.failure()), timings);
        }
        Rendered rendered = item.payload();
        return new Outcome(item.seq(), item.source(), "ok", format, rendered.mediaType(), rendered.title(),
                rendered.content(), null, timings);
    }

    /** Milliseconds with microsecond precision: enough for stage timings, without noise digits. */
    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    /**
     * The record of an outcome whose content went elsewhere (a webhook, a directory, a streaming response): what
     * the run keeps so that its results still list every item, without holding the content twice.
     */
    public Outcome withoutContent() {
        return content == null ? this : new Outcome(seq, source, status, format, mediaType, title, null, error, timings);
    }

    /** This outcome's record with {@code content}: how a store gives back an outcome it keeps in two parts. */
    public Outcome withContent(String content) {
        return new Outcome(seq, source, status, format, mediaType, title, content, error, timings);
    }

    public boolean ok() {
        return "ok".equals(status);
    }
}
