package dev.cartage.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cartage.deliver.Outcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Reads a run's outcomes from the store as they are stored, page by page, asking for the next page only when the
 * reader has taken the last one: a 20,000-outcome run is never in memory at once, and a slow reader slows only its
 * own reading. When it has read everything stored it waits for more: woken at once when this process stores
 * outcomes of the run ({@link #stored}), and otherwise at least every {@code poll}, which is how a reader on one
 * replica follows a run that another replica runs. It ends once the run has ended and every outcome is read.
 */
public final class OutcomeFollower {

    static final int PAGE = 256;

    private final RunStore store;
    private final Duration poll;
    private final Map<String, Sinks.Empty<Void>> waiting = new ConcurrentHashMap<>();
    private volatile Sinks.Empty<Void> closed = Sinks.empty();

    public OutcomeFollower(RunStore store, Duration poll) {
        this.store = store;
        this.poll = poll;
    }

    /** Tells the readers of {@code runId} in this process that it has stored outcomes or ended. */
    public void stored(String runId) {
        Sinks.Empty<Void> wake = waiting.remove(runId);
        if (wake != null) {
            wake.tryEmitEmpty();
        }
    }

    /**
     * Every outcome stored for the run and every one to come, ending when the run has ended, or when this process
     * stops following ({@link #close}).
     */
    public Flux<Outcome> follow(String runId) {
        return Flux.defer(() -> {
            long[] cursor = {0};
            return Mono.defer(() -> nextPage(runId, cursor))
                    .repeat()
                    .takeUntil(Page::last)
                    .concatMapIterable(Page::outcomes, 1)
                    .takeUntilOther(closed.asMono());
        });
    }

    /** Ends every reader: the process is stopping, and the readers of runs that go on elsewhere would never end. */
    public void close() {
        closed.tryEmitEmpty();
    }

    /** Follows again after {@link #close}: a stopped application context that is started again. */
    public void reopen() {
        closed = Sinks.empty();
    }

    private Mono<Page> nextPage(String runId, long[] cursor) {
        // what to wait on is taken before reading, so that outcomes stored after the read wake this reader
        Mono<Void> wake = waiting.computeIfAbsent(runId, id -> Sinks.empty()).asMono();
        return page(runId, cursor).switchIfEmpty(Mono.defer(() -> store.find(runId)
                .map(run -> run.state().ended())
                .defaultIfEmpty(true)
                .flatMap(ended -> {
                    if (!ended) {
                        return Mono.firstWithSignal(wake, Mono.delay(poll).then())
                                .thenReturn(new Page(List.of(), false));
                    }
                    // a run that had ended has every outcome stored: one more read takes any stored meanwhile
                    return page(runId, cursor).defaultIfEmpty(new Page(List.of(), true))
                            .doOnNext(page -> {
                                if (page.last()) {
                                    stored(runId);
                                }
                            });
                })));
    }

    /** The next page of stored outcomes, moving the cursor past it; empty when there are none (yet). */
    private Mono<Page> page(String runId, long[] cursor) {
        return store.outcomesAfter(runId, cursor[0], PAGE).collectList()
                .filter(page -> !page.isEmpty())
                .map(page -> {
                    cursor[0] = page.get(page.size() - 1).position();
                    return new Page(page.stream().map(StoredOutcome::outcome).toList(), false);
                });
    }

    private record Page(List<Outcome> outcomes, boolean last) {
    }
}
