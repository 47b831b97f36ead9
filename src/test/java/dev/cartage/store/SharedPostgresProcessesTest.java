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
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.cartage.support.EmbeddedPostgres;
import dev.cartage.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * Two service processes sharing one PostgreSQL database: a run started on one is read, followed, cancelled and, once
 * its process is killed, resumed through the other. The kill comes last: the processes start once for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedPostgresProcessesTest {

    private static EmbeddedPostgres.Database database;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void startTwoProcesses() {
        database = EmbeddedPostgres.freshDatabase();
        a = process("a");
        try {
            b = process("b");
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        a.awaitReady(Duration.ofSeconds(60));
        b.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopProcesses() {
        try (ServiceProcess first = a; ServiceProcess second = b) {
            // closing kills whichever still runs
        }
    }

    private static ServiceProcess process(String name) {
        return ServiceProcess.builder().name("pg-" + name)
                .property("cartage.store", "database")
                .property("spring.r2dbc.url", database.r2dbcUrl())
                .property("spring.r2dbc.username", database.user())
                .property("spring.r2dbc.password", database.password())
                .property("cartage.runs.lease", "3s")
                .start();
    }

    @Test
    @Order(1)
    void aRunStartedOnOneProcessIsFollowedOnTheOther() {
        int n = 30;
        String id = start(a, pileRun(n, "100ms", 2));

        JsonNode onB = run(b, id);
        assertThat(onB.get("id").asString()).isEqualTo(id);
        assertThat(onB.get("status").asString()).isEqualTo("running");

        // both streams are opened while the run goes on, on the process that does not run it
        var events = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ProcessApi.events(b, id, Duration.ofSeconds(60)));
        // the same events on the process that runs it: how much later each outcome reaches a reader on the other
        var eventsOnA = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> ProcessApi.events(a, id, Duration.ofSeconds(60)));
        List<JsonNode> outcomes = results(b, id, Duration.ofSeconds(60));

        assertEverySeqOnce(outcomes, n);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.get("status").asString()).isEqualTo("ok"));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.get("content").asString()).isNotBlank());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(b, id)).isEqualTo("completed"));
        assertThat(counted(run(b, id))).isEqualTo(n);

        List<ProcessApi.Event> seen = events.join();
        List<Long> eventSeqs = seen.stream().filter(event -> event.name().equals("outcome"))
                .map(event -> ProcessApi.JSON.readTree(event.data()).get("seq").asLong()).toList();
        assertThat(eventSeqs).doesNotHaveDuplicates().hasSize(n);
        assertThat(seen.get(seen.size() - 1).name()).isEqualTo("done");
        printCrossReplicaLag(eventsOnA.join(), seen);
        assertThat(a.log()).doesNotContain("already marked it").doesNotContain("could not store its end");
    }

    /** Prints how much later than a reader on the owner a reader on the other replica got each outcome. */
    private static void printCrossReplicaLag(List<ProcessApi.Event> onOwner, List<ProcessApi.Event> onOther) {
        java.util.Map<Long, Long> ownerRead = new java.util.HashMap<>();
        for (ProcessApi.Event event : onOwner) {
            if (event.name().equals("outcome")) {
                ownerRead.put(ProcessApi.JSON.readTree(event.data()).get("seq").asLong(), event.readNanos());
            }
        }
        List<Long> lagMillis = onOther.stream().filter(event -> event.name().equals("outcome"))
                .map(event -> (event.readNanos() - ownerRead.get(ProcessApi.JSON.readTree(event.data()).get("seq").asLong()))
                        / 1_000_000)
                .sorted().toList();
        System.out.printf("cross-replica outcome events: lag behind the owner's reader, median %d ms, max %d ms (%d outcomes)%n",
                lagMillis.get(lagMillis.size() / 2), lagMillis.get(lagMillis.size() - 1), lagMillis.size());
    }

    @Test
    @Order(2)
    void aDeleteOnOneProcessCancelsARunOfTheOther() {
        String id = start(a, pileRun(400, "500ms", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> counted(run(a, id)) > 0);

        long asked = System.nanoTime();
        System.out.println("cross-replica cancel: DELETE of " + id + " sent at " + java.time.Instant.now());
        HttpResponse<String> deleted = send(b, "DELETE", "/api/runs/" + id, null);
        long answered = System.nanoTime();
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(status(a, id)).isEqualTo("cancelled");
            assertThat(status(b, id)).isEqualTo("cancelled");
        });
        long cancelledEverywhere = System.nanoTime();
        System.out.printf("cross-replica cancel: DELETE answered in %d ms (status %s), cancelled on both in %d ms%n",
                (answered - asked) / 1_000_000, ProcessApi.JSON.readTree(deleted.body()).get("status").asString(),
                (cancelledEverywhere - asked) / 1_000_000);

        System.out.println("cross-replica cancel: finishedAt " + run(b, id).get("finishedAt").asString());
        HttpResponse<String> again = send(b, "DELETE", "/api/runs/" + id, null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    }

    @Test
    @Order(3)
    void aRunOfAKilledProcessIsInterruptedThenResumedOnAnother() {
        int n = 40;
        String id = start(a, pileRun(n, "250ms", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> counted(run(b, id)) >= 8);
        a.kill();
        long killedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(status(b, id)).isEqualTo("interrupted"));
        long interruptedAfter = (System.nanoTime() - killedAt) / 1_000_000;
        JsonNode interrupted = run(b, id);
        assertThat(interrupted.get("error").asString()).contains("resume");
        List<JsonNode> kept = results(b, id, Duration.ofSeconds(20));
        // outcomes still in their batch when the process died are not stored: their items run again on resume
        assertThat(kept).isNotEmpty().hasSizeLessThan(n);
        assertThat(ProcessApi.seqs(kept)).doesNotHaveDuplicates();
        System.out.printf("kill: the interrupted run counts %d outcomes, %d are stored%n", counted(interrupted),
                kept.size());

        long resumedAt = System.nanoTime();
        HttpResponse<String> resumed = send(b, "POST", "/api/runs/" + id + "/resume", null);
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(status(b, id)).isEqualTo("completed"));
        long resumeMs = (System.nanoTime() - resumedAt) / 1_000_000;

        List<JsonNode> outcomes = results(b, id, Duration.ofSeconds(20));
        assertEverySeqOnce(outcomes, n);
        assertThat(ProcessApi.seqs(outcomes)).containsAll(ProcessApi.seqs(kept));
        JsonNode done = run(b, id);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(counted(done)).isEqualTo(n);
        System.out.printf("kill: interrupted on another process %d ms after SIGKILL (lease 3s); %d outcomes kept; "
                + "resume of the other %d took %d ms%n", interruptedAfter, kept.size(), n - kept.size(), resumeMs);
    }
}
