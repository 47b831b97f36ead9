package dev.cartage.store;

import java.time.Instant;

/**
 * One run as the store keeps it.
 *
 * @param id         the run's id
 * @param state      where it stands
 * @param createdAt  when it was accepted
 * @param finishedAt when it ended; null while running
 * @param format     the output format's wire name
 * @param ordered    whether outcomes leave in source order
 * @param deliver    where outcomes go (wire name)
 * @param request    the run request as JSON, to expand its sources again on resume or retry; null for a run whose
 *                   sources came with its HTTP request ({@code /api/pipeline}), which cannot be continued
 * @param planned    items the request gives ahead of expansion (URLs, inline documents, a pile); null when unknown
 * @param progress   the counters its owner last wrote
 * @param error      why the run failed or was interrupted; null otherwise
 * @param owner      the process that runs it; null once it has ended
 * @param leaseUntil until when the owner's claim holds unless renewed; null once it has ended
 */
public record StoredRun(String id, RunState state, Instant createdAt, Instant finishedAt, String format,
                        boolean ordered, String deliver, String request, Long planned, RunProgress progress,
                        String error, String owner, Instant leaseUntil) {

    public boolean running() {
        return state == RunState.RUNNING;
    }

    /** Whether its sources can be expanded again, which resume and retry need. */
    public boolean continuable() {
        return request != null;
    }
}
