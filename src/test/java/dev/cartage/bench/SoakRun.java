package dev.cartage.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;

import tools.jackson.databind.JsonNode;

/**
 * One run of the soak: {@value #PAGES} pile pages with {@code failEvery: 10} delivered to the store. POSTs it,
 * polls its RunStatus every second until it is no longer running, then reads its {@code /results} NDJSON and checks
 * that there are exactly {@value #PAGES} outcomes, exactly {@value #FAILED} of them failed, and every seq
 * 0 … {@value #PAGES}-1 exactly once. It also checks that the failed ones are exactly the pile's failing pages
 * ((seq + 1) mod 10 = 0, fetch answered 503): another failure would be the service's, not the pile's.
 */
final class SoakRun {

    static final int PAGES = 5_000;
    static final int FAIL_EVERY = 10;
    static final int FAILED = PAGES / FAIL_EVERY;
    static final String BODY = "{\"sources\": [{\"pile\": {\"count\": " + PAGES + ", \"failEvery\": " + FAIL_EVERY
            + ", \"latency\": \"20ms\"}}], \"deliver\": {\"to\": \"store\"}}";
    private static final Duration LIMIT = Duration.ofMinutes(20);

    /** What one run gave; {@code problem} is null when nothing went wrong on the way (it says what did). */
    record Checked(int trio, String id, String status, long outcomes, long failed, long distinctSeqs,
                   long duplicateSeqs, long outOfRangeSeqs, long unexpectedFailures, long reportedTotal,
                   long reportedSucceeded, long reportedFailed, double seconds, long contentChars,
                   String problem) {

        boolean meetsGoal() {
            return problem == null && outcomes == PAGES && failed == FAILED && distinctSeqs == PAGES
                    && duplicateSeqs == 0 && outOfRangeSeqs == 0;
        }
    }

    private SoakRun() {
    }

    /** Runs one run to its end and checks it; blocking, on the caller's (plain) thread. */
    static Checked runAndCheck(SoakClient client, int trio) {
        String id = "?";
        try {
            SoakClient.Answer accepted = client.postJson("/api/runs", BODY, "runs").block(Duration.ofMinutes(2));
            if (accepted == null || accepted.status() != 202) {
                return failed(trio, id, "POST /api/runs answered " + (accepted == null ? "nothing"
                        : accepted.status() + ": " + accepted.body()));
            }
            id = E2eBench.JSON.readTree(accepted.body()).get("id").asString();
            JsonNode status = pollToEnd(client, id);
            byte[] ndjson = client.getBytes("/api/runs/" + id + "/results", "runs").block(Duration.ofMinutes(5));
            return check(trio, id, status, ndjson);
        } catch (RuntimeException | InterruptedException e) {
            return failed(trio, id, e.toString());
        }
    }

    private static JsonNode pollToEnd(SoakClient client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Thread.sleep(1_000);
            SoakClient.Answer answer = client.get("/api/runs/" + id, "runs").block(Duration.ofMinutes(1));
            if (answer == null || answer.status() != 200) {
                throw new IllegalStateException("GET /api/runs/" + id + " answered "
                        + (answer == null ? "nothing" : answer.status() + ": " + answer.body()));
            }
            JsonNode run = E2eBench.JSON.readTree(answer.body());
            if (!"running".equals(run.path("status").asString())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + id + " still running after " + LIMIT);
            }
        }
    }

    private static Checked check(int trio, String id, JsonNode status, byte[] ndjson) {
        BitSet seen = new BitSet(PAGES);
        long outcomes = 0;
        long failed = 0;
        long duplicates = 0;
        long outOfRange = 0;
        long unexpected = 0;
        long contentChars = 0;
        int start = 0;
        for (int i = 0; i <= ndjson.length; i++) {
            if (i < ndjson.length && ndjson[i] != '\n') {
                continue;
            }
            if (i > start) {
                JsonNode outcome = E2eBench.JSON.readTree(new String(ndjson, start, i - start, StandardCharsets.UTF_8));
                outcomes++;
                contentChars += outcome.path("content").asString("").length();
                long seq = outcome.path("seq").asLong(-1);
                if (seq < 0 || seq >= PAGES) {
                    outOfRange++;
                } else if (seen.get((int) seq)) {
                    duplicates++;
                } else {
                    seen.set((int) seq);
                }
                boolean pileFails = (seq + 1) % FAIL_EVERY == 0;
                if ("failed".equals(outcome.path("status").asString())) {
                    failed++;
                    JsonNode error = outcome.path("error");
                    if (!pileFails || !"fetch".equals(error.path("stage").asString())
                            || error.path("httpStatus").asInt() != 503) {
                        unexpected++;
                    }
                } else if (pileFails) {
                    unexpected++;
                }
            }
            start = i + 1;
        }
        JsonNode items = status.path("items");
        Instant created = Instant.parse(status.path("createdAt").asString());
        JsonNode finished = status.path("finishedAt");
        double seconds = finished.isMissingNode() || finished.isNull() ? Double.NaN
                : Duration.between(created, Instant.parse(finished.asString())).toNanos() / 1e9;
        String runStatus = status.path("status").asString();
        return new Checked(trio, id, runStatus, outcomes, failed, seen.cardinality(), duplicates, outOfRange,
                unexpected, items.path("total").asLong(-1), items.path("succeeded").asLong(-1),
                items.path("failed").asLong(-1), seconds, contentChars,
                "completed".equals(runStatus) ? null : "run ended " + runStatus);
    }

    private static Checked failed(int trio, String id, String problem) {
        return new Checked(trio, id, "?", 0, 0, 0, 0, 0, 0, -1, -1, -1, Double.NaN, 0, problem);
    }
}
