package dev.cartage.store;

import dev.cartage.deliver.Outcome;

/**
 * An outcome with its place in the run's results.
 *
 * @param position increasing in the order outcomes were stored, over all runs: readers page through a run's
 *                 results by it, so a replaced outcome (retry) comes again after the others
 * @param outcome  the outcome, with its content when the run keeps content
 */
public record StoredOutcome(long position, Outcome outcome) {
}
