package dev.cartage.store;

import static dev.cartage.store.ProcessApi.assertEverySeqOnce;
import static dev.cartage.store.ProcessApi.counted;
import static dev.cartage.store.ProcessApi.pileRun;
import static dev.cartage.store.ProcessApi.results;
import static dev.cartage.store.ProcessApi.run;
import static dev.cartage.store.ProcessApi.send;
import static dev.cartage.store.ProcessApi.start;
import static dev.cartage.store.ProcessApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cartage.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/** The default store, an H2 file in the data directory, across a crash: the next process finds the run, and resumes it. */
class H2RestartProcessTest {

    @TempDir
    Path dataDir;

    private ServiceProcess process(String name) {
        return ServiceProcess.builder().name("h2-" + name)
                .property("cartage.data-dir", dataDir.toString())
                .start();
    }

    @Test
    void aRunOfAKilledProcessIsInterruptedAtTheNextStartAndResumes() {
        int n = 60;
        String id;
        List<Long> before;
        try (ServiceProcess first = process("first")) {
            first.awaitReady(Duration.ofSeconds(60));
            id = start(first, pileRun(n, "300ms", 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> counted(run(first, id)) >= 10);
            first.kill();
        }

        try (ServiceProcess second = process("second")) {
            long started = System.nanoTime();
            second.awaitReady(Duration.ofSeconds(60));
            // interrupted at startup, not after a lease: the first request after readiness sees it
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(status(second, id)).isEqualTo("interrupted"));
            long interruptedAfterReady = (System.nanoTime() - started) / 1_000_000;
            JsonNode interrupted = run(second, id);
            assertThat(interrupted.get("error").asString()).contains("resume");
            List<JsonNode> kept = results(second, id, Duration.ofSeconds(20));
            before = ProcessApi.seqs(kept);
            System.out.printf("H2 restart: the interrupted run counts %d outcomes, %d are stored%n",
                    counted(interrupted), kept.size());
            // outcomes still in their batch when the process died are not stored: their items run again on resume
            assertThat(before).isNotEmpty().hasSizeLessThan(n).doesNotHaveDuplicates();

            long resumedAt = System.nanoTime();
            HttpResponse<String> resumed = send(second, "POST", "/api/runs/" + id + "/resume", null);
            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(status(second, id)).isEqualTo("completed"));
            long resumeMs = (System.nanoTime() - resumedAt) / 1_000_000;

            List<JsonNode> outcomes = results(second, id, Duration.ofSeconds(20));
            assertEverySeqOnce(outcomes, n);
            assertThat(ProcessApi.seqs(outcomes)).containsAll(before);
            assertThat(counted(run(second, id))).isEqualTo(n);
            assertThat(second.log()).contains("run " + id + " was left running by a process that is gone");
            System.out.printf("H2 restart: interrupted seen %d ms after the new process started; %d outcomes kept; "
                    + "resume of the other %d took %d ms%n", interruptedAfterReady, before.size(), n - before.size(),
                    resumeMs);
        }
    }
}
