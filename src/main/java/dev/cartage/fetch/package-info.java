/**
 * The fetch stage: the guarded client and its connection pool (built by {@link dev.cartage.fetch.GuardedClient},
 * also for the webhook sink), redirects, conditional GET, the stage's settings and what it produces,
 * {@link dev.cartage.fetch.Fetched}. It imports the engine and its sub-packages {@code guard}, {@code polite}; it is
 * the first feature in import order, so it imports no other feature. {@code source} and {@code deliver} may import it.
 */
package dev.cartage.fetch;
