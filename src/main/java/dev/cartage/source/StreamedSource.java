package dev.cartage.source;

/**
 * One line of a streamed source list ({@code POST /api/pipeline} with an NDJSON body): a checked source, or the
 * reason the line could not be one. A refused line becomes one failed item where its items would have been, so a
 * bad line late in a stream is reported, not lost, and the stream goes on.
 *
 * @param line    the line's number in the body, from 1
 * @param spec    the checked source; null when refused
 * @param text    the line as sent, shortened, to name the failed item by; null when accepted
 * @param problem why the line was refused; null when accepted
 */
public record StreamedSource(long line, SourceSpec spec, String text, String problem) {

    private static final int NAME_LENGTH = 200;

    public static StreamedSource accepted(long line, SourceSpec spec) {
        return new StreamedSource(line, spec, null, null);
    }

    public static StreamedSource refused(long line, String text, String problem) {
        String name = text.length() > NAME_LENGTH ? text.substring(0, NAME_LENGTH) + "…" : text;
        return new StreamedSource(line, null, name, problem);
    }
}
