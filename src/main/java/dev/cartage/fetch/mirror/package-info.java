/**
 * Fetching one item from several mirrors: least-loaded balancing, first-response hedging with the losers
 * cancelled, and the mirrors' live board. It imports the engine and {@code fetch}; {@code source} (the mirror source
 * form) and {@code run} import it.
 */
package dev.cartage.fetch.mirror;
