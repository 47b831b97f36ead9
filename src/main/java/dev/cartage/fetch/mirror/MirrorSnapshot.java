package dev.cartage.fetch.mirror;

/**
 * One mirror origin's requests within a run, as {@code GET /api/runs/{id}} shows them under {@code mirrors}.
 * Every request is in exactly one of the four counts: {@code pending + completed + failed + cancelled} is the
 * number of requests sent to the origin.
 *
 * @param origin    {@code scheme://host:port}
 * @param pending   requests sent and not yet ended
 * @param completed requests that ended with a good answer
 * @param failed    requests that ended with an error
 * @param cancelled requests stopped before they ended: first-response losers, timeouts, cancelled runs
 */
public record MirrorSnapshot(String origin, long pending, long completed, long failed, long cancelled) {
}
