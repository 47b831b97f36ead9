package dev.cartage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.cartage.deliver.Outcome;
import dev.cartage.fetch.mirror.MirrorSnapshot;
import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSnapshot;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What every run store keeps to, run against each of them (memory, H2, PostgreSQL): the subclasses only say how to
 * get an empty store.
 */
abstract class RunStoreContract {

    private static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** An empty store. */
    abstract RunStore store();

    @Test
    void aRunReadsBackAsItWasStoredWithItsProgress() {
        RunStore store = store();
        RunProgress progress = new RunProgress(12L, 10, 2,
                List.of(new StageSnapshot(Stage.FETCH, 16, 64, 12, 10, 2, 0, 0, 0, 0, 3, 16, 5,
                        new StageSnapshot.Latency(1.5, 2.5, 3.5))),
                List.of(new MirrorSnapshot("https://a.example", 1, 2, 3, 4)));
        StoredRun run = new StoredRun(id(), RunState.RUNNING, NOW, null, "markdown", true, "webhook",
                "{\"sources\":[\"https://a.example/\"]}", 1L, progress, null, "owner-a", NOW.plusSeconds(10));

        store.insert(run).block(WAIT);

        assertThat(store.find(run.id()).block(WAIT)).isEqualTo(run);
        assertThat(store.find("r-unknown").blockOptional(WAIT)).isEmpty();
    }

    @Test
    void newestRunsComeFirstUpToTheLimit() {
        RunStore store = store();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StoredRun run = running(id(), "owner", NOW.plusSeconds(i));
            store.insert(run).block(WAIT);
            ids.add(run.id());
        }
        assertThat(store.newestFirst(2).map(StoredRun::id).collectList().block(WAIT))
                .containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void anOutcomeIsStoredOncePerSeqWhateverIsAppendedAgain() {
        RunStore store = store();
        String run = insertRunning(store, "owner");
        store.append(run, List.of(ok(0, "first"), failed(1))).block(WAIT);
        store.append(run, List.of(ok(0, "again"), ok(2, "third"))).block(WAIT);

        List<StoredOutcome> stored = store.outcomesAfter(run, 0, 100).collectList().block(WAIT);

        assertThat(stored).extracting(each -> each.outcome().seq()).containsExactly(0L, 1L, 2L);
        assertThat(stored.get(0).outcome().content()).isEqualTo("first");
        assertThat(stored).extracting(StoredOutcome::position).isSorted().doesNotHaveDuplicates();
        assertThat(store.outcome(run, 1).block(WAIT)).isEqualTo(failed(1));
        assertThat(store.outcome(run, 0).block(WAIT)).isEqualTo(ok(0, "first"));
    }

    @Test
    void replacedOutcomesComeAfterTheOthersWithTheirNewContent() {
        RunStore store = store();
        String run = insertRunning(store, "owner");
        store.append(run, List.of(failed(0), ok(1, "one"), failed(2))).block(WAIT);

        store.replace(run, List.of(ok(0, "zero"), ok(2, "two"))).block(WAIT);

        assertThat(store.outcomesAfter(run, 0, 100).map(each -> each.outcome().content()).collectList().block(WAIT))
                .containsExactly("one", "zero", "two");
        assertThat(store.seqs(run, true).collectList().block(WAIT)).isEmpty();
        assertThat(store.seqs(run, false).collectList().block(WAIT)).containsExactlyInAnyOrder(0L, 1L, 2L);
    }

    @Test
    void pagesLatestSeqsAndTotalsReadWhatWasStored() {
        RunStore store = store();
        String run = insertRunning(store, "owner");
        String other = insertRunning(store, "owner");
        store.append(run, IntStream.range(0, 10).mapToObj(i -> i % 3 == 0 ? failed(i) : ok(i, "c" + i)).toList())
                .block(WAIT);
        store.append(other, List.of(ok(0, "elsewhere"))).block(WAIT);

        List<StoredOutcome> first = store.outcomesAfter(run, 0, 4).collectList().block(WAIT);
        List<StoredOutcome> rest = store.outcomesAfter(run, first.get(3).position(), 100).collectList().block(WAIT);

        assertThat(first).extracting(each -> each.outcome().seq()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(rest).extracting(each -> each.outcome().seq()).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(store.latest(run, 3).map(Outcome::seq).collectList().block(WAIT)).containsExactly(9L, 8L, 7L);
        assertThat(store.seqs(run, true).collectList().block(WAIT)).containsExactlyInAnyOrder(0L, 3L, 6L, 9L);
        // six outcomes with content "c1", "c2", ...: two characters each
        assertThat(store.totals(run).block(WAIT)).isEqualTo(new RunStore.OutcomeTotals(10, 12, 4));
    }

    @Test
    void onlyTheOwnerRenewsAndHearsOfACancelRequest() {
        RunStore store = store();
        String run = insertRunning(store, "owner-a");
        RunProgress progress = new RunProgress(null, 5, 1, List.of(), List.of());

        assertThat(store.renew(run, "owner-a", NOW.plusSeconds(20), progress).block(WAIT))
                .isEqualTo(RunStore.Renewal.HELD);
        assertThat(store.renew(run, "owner-b", NOW.plusSeconds(20), progress).block(WAIT))
                .isEqualTo(RunStore.Renewal.LOST);
        assertThat(store.find(run).block(WAIT).progress()).isEqualTo(progress);

        assertThat(store.requestCancel(run).block(WAIT)).isTrue();
        assertThat(store.renew(run, "owner-a", NOW.plusSeconds(30), progress).block(WAIT))
                .isEqualTo(RunStore.Renewal.CANCEL_REQUESTED);
    }

    @Test
    void aRunEndsOnceAndOnlyByItsOwner() {
        RunStore store = store();
        String run = insertRunning(store, "owner-a");
        RunProgress last = new RunProgress(3L, 2, 1, List.of(), List.of());

        assertThat(store.finish(run, "owner-b", RunState.COMPLETED, NOW, null, last).block(WAIT)).isFalse();
        assertThat(store.finish(run, "owner-a", RunState.FAILED, NOW, "boom", last).block(WAIT)).isTrue();
        assertThat(store.finish(run, "owner-a", RunState.COMPLETED, NOW, null, last).block(WAIT)).isFalse();

        StoredRun ended = store.find(run).block(WAIT);
        assertThat(ended.state()).isEqualTo(RunState.FAILED);
        assertThat(ended.error()).isEqualTo("boom");
        assertThat(ended.progress()).isEqualTo(last);
        assertThat(ended.owner()).isNull();
        assertThat(store.renew(run, "owner-a", NOW.plusSeconds(5), last).block(WAIT)).isEqualTo(RunStore.Renewal.LOST);
        assertThat(store.requestCancel(run).block(WAIT)).isFalse();
    }

    @Test
    void runsWhoseLeaseEndedAreInterruptedWithTheirOutcomes() {
        RunStore store = store();
        String expired = id();
        store.insert(running(expired, "gone", NOW)).block(WAIT);
        store.append(expired, List.of(ok(0, "kept"))).block(WAIT);
        String renewed = insertRunning(store, "alive");
        store.renew(renewed, "alive", NOW.plusSeconds(60), RunProgress.NONE).block(WAIT);

        List<String> interrupted = store.interruptExpired(NOW.plusSeconds(30), "its owner stopped").collectList()
                .block(WAIT);

        assertThat(interrupted).containsExactly(expired);
        StoredRun after = store.find(expired).block(WAIT);
        assertThat(after.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(after.error()).isEqualTo("its owner stopped");
        assertThat(after.finishedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(store.outcome(expired, 0).block(WAIT).content()).isEqualTo("kept");
        assertThat(store.find(renewed).block(WAIT).state()).isEqualTo(RunState.RUNNING);
        // its owner, back from a pause, can no longer end it or renew it
        assertThat(store.renew(expired, "gone", NOW.plusSeconds(60), RunProgress.NONE).block(WAIT))
                .isEqualTo(RunStore.Renewal.LOST);

        assertThat(store.interruptAll(NOW.plusSeconds(31), "restarted").collectList().block(WAIT))
                .containsExactly(renewed);
    }

    @Test
    void anEndedRunIsClaimedOnceAndRunsAgain() {
        RunStore store = store();
        String run = insertRunning(store, "owner-a");
        store.finish(run, "owner-a", RunState.CANCELLED, NOW, null, new RunProgress(4L, 1, 1, List.of(), List.of()))
                .block(WAIT);

        List<StoredRun> claims = Flux.merge(
                        store.claim(run, Set.of(RunState.CANCELLED), "owner-b", NOW.plusSeconds(10)),
                        store.claim(run, Set.of(RunState.CANCELLED), "owner-c", NOW.plusSeconds(10)))
                .collectList().block(WAIT);

        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).state()).isEqualTo(RunState.CANCELLED);
        StoredRun claimed = store.find(run).block(WAIT);
        assertThat(claimed.state()).isEqualTo(RunState.RUNNING);
        assertThat(claimed.finishedAt()).isNull();
        assertThat(claimed.owner()).isIn("owner-b", "owner-c");
        assertThat(claimed.progress().succeeded()).isEqualTo(1);
        assertThat(store.claim(run, Set.of(RunState.CANCELLED), "owner-d", NOW).blockOptional(WAIT)).isEmpty();
        assertThat(store.claim("r-unknown", Set.of(RunState.CANCELLED), "owner-d", NOW).blockOptional(WAIT)).isEmpty();
    }

    @Test
    void endedRunsAreForgottenAfterTheirTimeOrBeyondTheLimitAndRunningOnesNever() {
        RunStore store = store();
        String old = endedRun(store, NOW.minusSeconds(7200), NOW.minusSeconds(3600));
        String older = endedRun(store, NOW.minusSeconds(600), NOW.minusSeconds(300));
        String recent = endedRun(store, NOW.minusSeconds(60), NOW.minusSeconds(30));
        String running = id();
        store.insert(running(running, "owner", NOW.minusSeconds(9000))).block(WAIT);
        store.append(old, List.of(ok(0, "gone with its run"))).block(WAIT);

        // an hour to live forgets the first; a limit of 2 then forgets the oldest ended one left
        assertThat(store.forget(NOW.minusSeconds(1800), 2).block(WAIT)).isEqualTo(2);

        assertThat(store.find(old).blockOptional(WAIT)).isEmpty();
        assertThat(store.outcome(old, 0).blockOptional(WAIT)).isEmpty();
        assertThat(store.find(older).blockOptional(WAIT)).isEmpty();
        assertThat(store.find(recent).blockOptional(WAIT)).isPresent();
        assertThat(store.find(running).blockOptional(WAIT)).isPresent();
    }

    @Test
    void aFollowerReadsEveryOutcomeOnceInOrderAsTheyAreStoredAndEndsWithTheRun() {
        RunStore store = store();
        String run = insertRunning(store, "owner");
        OutcomeFollower follower = new OutcomeFollower(store, Duration.ofMillis(50));
        int count = 3 * OutcomeFollower.PAGE + 7;

        Mono<Void> writer = Flux.range(0, count)
                .map(i -> ok(i, "content " + i))
                .buffer(100)
                .concatMap(batch -> store.append(run, batch).doOnSuccess(done -> follower.stored(run)))
                .then(store.finish(run, "owner", RunState.COMPLETED, NOW, null, RunProgress.NONE))
                .then();

        StepVerifier.create(follower.follow(run).map(Outcome::seq).collectList()
                        .zipWith(writer.thenReturn(true), (seqs, written) -> seqs))
                .assertNext(seqs -> assertThat(seqs)
                        .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> (long) i).toList()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aFollowerTakesOnlyWhatItsReaderAsksFor() {
        RunStore store = store();
        String run = insertRunning(store, "owner");
        store.append(run, IntStream.range(0, 600).mapToObj(i -> ok(i, "c")).toList()).block(WAIT);
        store.finish(run, "owner", RunState.COMPLETED, NOW, null, RunProgress.NONE).block(WAIT);

        StepVerifier.create(new OutcomeFollower(store, Duration.ofMillis(50)).follow(run), 3)
                .expectNextCount(3)
                .thenRequest(597)
                .expectNextCount(597)
                .expectComplete()
                .verify(WAIT);
    }

    static String id() {
        return "r-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static StoredRun running(String id, String owner, Instant createdAt) {
        return new StoredRun(id, RunState.RUNNING, createdAt, null, "markdown", false, "store", "{}", null,
                RunProgress.NONE, null, owner, createdAt.plusSeconds(10));
    }

    private static String insertRunning(RunStore store, String owner) {
        String id = id();
        store.insert(running(id, owner, NOW)).block(WAIT);
        return id;
    }

    private static String endedRun(RunStore store, Instant created, Instant ended) {
        String id = id();
        store.insert(running(id, "owner", created)).block(WAIT);
        store.finish(id, "owner", RunState.COMPLETED, ended, null, RunProgress.NONE).block(WAIT);
        return id;
    }

    static Outcome ok(long seq, String content) {
        return new Outcome(seq, "https://example.test/" + seq, "ok", "markdown", "text/markdown", "Title " + seq,
                content, null, new Outcome.Timings(1.25, 2, 3, 0.5));
    }

    static Outcome failed(long seq) {
        return new Outcome(seq, "https://example.test/" + seq, "failed", "markdown", null, null, null,
                new Outcome.Error("fetch", "http-status", "the origin answered 404", 404),
                new Outcome.Timings(1, 0, 0, 0));
    }
}
