package dev.cartage.run;

import dev.cartage.deliver.Outcome;

/**
 * A run's caps on what it stores ({@code cartage.runs.max-outcomes-per-run}, {@code max-content-per-run}): an outcome
 * that would go over the content cap keeps its record but loses its content, marked as elided, so a reader still sees
 * one outcome per item; records past the outcome cap are not kept at all, while the run's counters go on counting.
 * A resumed run starts from what it had already stored.
 */
final class OutcomeBudget {

    static final String ELIDED = "[content elided: the run's store is full (cartage.runs.max-content-per-run)]";

    private final long maxContentChars;
    private final long maxOutcomes;
    private long outcomes;
    private long contentChars;

    OutcomeBudget(long maxContentChars, long maxOutcomes, long storedOutcomes, long storedContentChars) {
        this.maxContentChars = maxContentChars;
        this.maxOutcomes = maxOutcomes;
        this.outcomes = storedOutcomes;
        this.contentChars = storedContentChars;
    }

    /** The outcome as the run may keep it, or null when the run keeps no more records. */
    synchronized Outcome keep(Outcome outcome) {
        if (outcomes >= maxOutcomes) {
            return null;
        }
        outcomes++;
        if (outcome.content() == null) {
            return outcome;
        }
        if (contentChars + outcome.content().length() > maxContentChars) {
            return outcome.withContent(ELIDED);
        }
        contentChars += outcome.content().length();
        return outcome;
    }
}
