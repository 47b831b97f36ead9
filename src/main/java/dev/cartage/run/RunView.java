package dev.cartage.run;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.cartage.deliver.Outcome;

/**
 * A run as its pages show it: the RunStatus's numbers with the words and links a page needs.
 *
 * @param id       the run's id
 * @param status   running, completed, cancelled, failed or interrupted
 * @param done     outcomes so far, succeeded and failed
 * @param total    items the sources expand to: the run's {@code items.total} once expansion has ended, known ahead
 *                 for sources that need no fetching to count (URLs, inline documents, the demo pile), and null
 *                 while unknown (a sitemap or feed still being read)
 * @param failed   failed outcomes
 * @param started  when the run was accepted, to the second
 * @param duration how long it ran, or has run so far
 * @param stages   the stage picture and table
 * @param outcomes the latest outcomes, newest first, at most {@link #OUTCOME_WINDOW}
 * @param continuable whether its sources can be read again, so that it can be resumed or retried once ended
 */
record RunView(String id, String status, String format, String deliver, boolean ordered, long done, Long total,
               long failed, String started, String duration, String error, StagesView stages,
               List<OutcomeRow> outcomes, boolean continuable) {

    /** Outcomes shown on the run page; the full list is the NDJSON of {@code /api/runs/{id}/results}. */
    static final int OUTCOME_WINDOW = 50;

    static RunView of(RunService.Shown shown, List<Outcome> latest) {
        RunStatus status = shown.status();
        Instant end = status.finishedAt() == null ? Instant.now() : status.finishedAt();
        Duration elapsed = Duration.between(status.createdAt(), end);
        return new RunView(status.id(), status.status(), status.format(), status.deliver(), status.ordered(),
                status.items().succeeded() + status.items().failed(), total(status, shown.planned()),
                status.items().failed(), status.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                duration(elapsed), status.error(), StagesView.of(status.stages(), elapsed),
                latest.stream().map(OutcomeRow::of).toList(), shown.continuable());
    }

    /**
     * The API's {@code items.total} stays null until the sources are expanded, which for a large pile is near the
     * end; a page can show the progress of a run whose count is known from its request alone.
     */
    private static Long total(RunStatus status, Long planned) {
        return status.items().total() != null ? status.items().total() : planned;
    }

    public boolean running() {
        return "running".equals(status);
    }

    /** Whether the page offers to resume it: it stopped before its end, and its sources can be read again. */
    public boolean resumable() {
        return continuable && List.of("interrupted", "cancelled", "failed").contains(status);
    }

    /** Whether the page offers to run its failed items again. */
    public boolean retryable() {
        return continuable && !running() && failed > 0;
    }

    static String duration(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        if (seconds < 60) {
            return String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    /**
     * One outcome's line on the run page, without its content.
     *
     * @param text the title of a page that came through, or what went wrong with one that did not
     */
    record OutcomeRow(long seq, String status, String source, String text) {

        static OutcomeRow of(Outcome outcome) {
            String text = outcome.error() != null
                    ? outcome.error().stage() + " " + outcome.error().type() + ": " + outcome.error().message()
                    : outcome.title();
            return new OutcomeRow(outcome.seq(), outcome.status(), outcome.source(), text == null ? "" : text);
        }
    }
}
