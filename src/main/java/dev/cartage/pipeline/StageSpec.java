package dev.cartage.pipeline;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * What one {@link Stage} does and how it runs: a per-item function and its {@link StageSettings}.
 * Failures of the function (a throw, an error signal, a timeout) fail that item only.
 *
 * @param <I> payload type the stage takes
 * @param <O> payload type the stage gives
 */
public final class StageSpec<I, O> {

    private final Stage stage;
    private final StageSettings settings;
    private final StageWork<I, O> work;

    private StageSpec(Stage stage, StageSettings settings, StageWork<I, O> work) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.work = work;
    }

    /**
     * An I/O stage: {@code work} starts non-blocking work for one payload and completes later.
     * Each attempt is limited by the settings' timeout; timeouts and retryable {@link ItemException}s get up to
     * {@code retries} more attempts, after the delay the failure asked for ({@link ItemException#retryAfter()})
     * or a jittered exponential backoff. Items that failed earlier skip the work.
     */
    public static <I, O> StageSpec<I, O> io(Stage stage, StageSettings settings,
                                            Function<? super I, ? extends Mono<? extends O>> work) {
        return io(stage, settings, work, attempt -> attempt.timeout(settings.timeout()));
    }

    /**
     * An I/O stage like {@link #io}, except that the stage does not time each attempt as a whole: the timeout is
     * a budget per attempt, spent only by the parts of the work wrapped in {@link AttemptTimeout#around}. For work
     * that may wait on purpose before the part that should count, such as the fetch stage waiting for a per-host
     * permit. Work that never calls {@link AttemptTimeout#around} has no timeout.
     */
    public static <I, O> StageSpec<I, O> ioTimedInside(Stage stage, StageSettings settings,
                                                       Function<? super I, ? extends Mono<? extends O>> work) {
        return io(stage, settings, work,
                attempt -> attempt.contextWrite(context -> AttemptTimeout.put(context, settings.timeout())));
    }

    private static <I, O> StageSpec<I, O> io(Stage stage, StageSettings settings,
                                             Function<? super I, ? extends Mono<? extends O>> work,
                                             UnaryOperator<Mono<O>> limit) {
        Function<Envelope<I>, Mono<Envelope<O>>> wrapped = item -> attempts(
                limit.apply(Mono.<O>defer(() -> work.apply(item.payload()))), settings.retries())
                .map(item::<O>withPayload)
                .switchIfEmpty(Mono.fromSupplier(() -> item.withFailure(producedNothing(stage))))
                .onErrorResume(error -> Mono.just(item.withFailure(ItemFailures.from(stage, error))));
        return new StageSpec<>(stage, settings, new StageWork.Async<>(wrapped, false));
    }

    /**
     * A CPU stage: {@code work} computes the result for one payload on {@code scheduler}, which should be bounded
     * (sized to the cores). The work cannot be interrupted: work that outlasts the timeout fails the item with
     * {@code timeout} when it returns. Items that failed earlier skip the work.
     */
    public static <I, O> StageSpec<I, O> cpu(Stage stage, StageSettings settings, Scheduler scheduler,
                                             ItemFunction<? super I, ? extends O> work) {
        Function<Envelope<I>, Envelope<O>> wrapped = item -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    O result = work.apply(item.payload());
                    return result == null ? item.withFailure(producedNothing(stage)) : item.withPayload(result);
                } catch (Throwable error) {
                    Exceptions.throwIfJvmFatal(error);
                    if (attempt >= settings.retries() || !ItemFailures.retryable(error)) {
                        return item.withFailure(ItemFailures.from(stage, error));
                    }
                }
            }
        };
        return new StageSpec<>(stage, settings, new StageWork.Cpu<>(wrapped, scheduler));
    }

    /**
     * A delivering stage: {@code sink} hands one item, succeeded or failed, to its destination. The item passes
     * on unchanged when the sink completes; if the sink fails, the item fails in this stage.
     */
    public static <T> StageSpec<T, T> sink(Stage stage, StageSettings settings,
                                           Function<? super Envelope<T>, ? extends Mono<Void>> sink) {
        Function<Envelope<T>, Mono<Envelope<T>>> wrapped = item -> attempts(
                Mono.<Void>defer(() -> sink.apply(item)).timeout(settings.timeout()), settings.retries())
                .thenReturn(item)
                .onErrorResume(error -> Mono.just(item.withFailure(ItemFailures.from(stage, error))));
        return new StageSpec<>(stage, settings, new StageWork.Async<>(wrapped, true));
    }

    public Stage stage() {
        return stage;
    }

    public StageSettings settings() {
        return settings;
    }

    StageWork<I, O> work() {
        return work;
    }

    private static <T> Mono<T> attempts(Mono<T> attempt, int retries) {
        return retries == 0 ? attempt : attempt.retryWhen(RetryBackoff.upTo(retries));
    }

    private static ItemFailure producedNothing(Stage stage) {
        return ItemFailure.of(stage, FailureType.INTERNAL, "the " + stage.wireName() + " stage produced no result");
    }
}
