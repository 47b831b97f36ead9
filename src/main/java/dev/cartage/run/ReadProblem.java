package dev.cartage.run;

import org.springframework.http.HttpStatus;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemFailure;
import dev.cartage.web.ItemFailedException;

/**
 * Why the reader page could not show a page, in plain words: what happened, what the reader can do, and the
 * pipeline's own message as a detail. The status is the one {@code GET /api/render} answers for the same failure
 * ({@link ItemFailedException#statusOf}), so the page and the API never disagree.
 *
 * @param status      the HTTP status the page answers with
 * @param title       what happened, in a few words
 * @param explanation what it means
 * @param advice      what the reader can do about it
 * @param detail      the failure's own message, or null when it could name the service's internals
 */
record ReadProblem(int status, String title, String explanation, String advice, String detail) {

    /** An address the service cannot take: not absolute, not http(s), too long, a bad port. */
    static ReadProblem invalid(String message) {
        return new ReadProblem(HttpStatus.BAD_REQUEST.value(), "That address cannot be read",
                "Cartage reads web pages by their full address.",
                "Give an absolute http:// or https:// address, such as https://example.org/article.", message);
    }

    /** A format the reader page does not show. */
    static ReadProblem unknownFormat(String format) {
        return new ReadProblem(HttpStatus.BAD_REQUEST.value(), "That format cannot be shown here",
                "The reader page shows a page as a reader page (html) or as Markdown (markdown).",
                "Choose one of the two and read the page again.", "format '" + format + "' is not html or markdown");
    }

    static ReadProblem of(ItemFailure failure) {
        int status = ItemFailedException.statusOf(failure.type()).value();
        String detail = failure.type() == FailureType.INTERNAL ? null : failure.message();
        return switch (failure.type()) {
            case INVALID_URL -> invalid(failure.message());
            case BLOCKED -> new ReadProblem(status, "Cartage does not fetch that address",
                    "It points to a private, local or otherwise protected network address, port or scheme, which the "
                            + "service refuses to reach so that it cannot be used against the networks it runs in.",
                    "Read a page on the public web instead.", detail);
            case ROBOTS -> new ReadProblem(status, "The site asks robots not to read that page",
                    "Its robots.txt disallows the page (or could not be read), and Cartage honours that.",
                    "Open the page in your browser instead.", detail);
            case UNSUPPORTED_TYPE -> new ReadProblem(status, "Cartage cannot read this kind of content",
                    "It reads HTML, Markdown, plain text and JSON; the address answered with something else.",
                    "Try the address of an article or a document page.", detail);
            case PARSE -> new ReadProblem(status, "The page could not be made sense of",
                    "Its content is malformed or not what it says it is.", "Try another page of the site.", detail);
            case TOO_LARGE -> new ReadProblem(status, "The page is too large to read",
                    "It is larger than the service reads, or took too long to take apart.",
                    "Try a shorter page.", detail);
            case HTTP_STATUS -> new ReadProblem(status, "The site answered with an error",
                    "It did not give the page" + (failure.httpStatus() == null ? "" : " (HTTP " + failure.httpStatus() + ")") + ".",
                    "Check the address, or try again later.", detail);
            case CONNECTION -> new ReadProblem(status, "The site could not be reached",
                    "No connection could be made to it, or the connection broke.",
                    "Check the address, or try again later.", detail);
            case TIMEOUT -> new ReadProblem(status, "The site took too long to answer",
                    "Cartage waited for it and gave up.", "Try again later.", detail);
            case DROPPED -> new ReadProblem(status, "The service is too busy right now",
                    "The page was set aside to keep up with other work.", "Try again in a moment.", detail);
            default -> new ReadProblem(status, "Something went wrong on our side",
                    "The page could not be read because of a failure inside the service; it has been recorded.",
                    "Try again in a moment.", detail);
        };
    }
}
