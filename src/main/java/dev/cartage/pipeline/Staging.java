package dev.cartage.pipeline;

import java.util.function.Consumer;

/**
 * Where a stage's finished items wait: held by their worker, queued in the staging pile, or, for shed items,
 * kept as a small failure notice. Two implementations decide the order in which they leave: first finished
 * first out, or the order in which the stage received them.
 *
 * <p>Not thread-safe: only the stage's drain loop touches it.
 */
interface Staging<O> {

    static <O> Staging<O> create(boolean ordered) {
        return ordered ? new OrderedStaging<>() : new FifoStaging<>();
    }

    /** A worker finished this item; it stays with the worker until admitted to the pile or handed over. */
    void hold(Finished<O> item);

    /** The held item that should enter the pile next, removed; null if none is held. */
    Finished<O> pollHeld();

    /** Puts an item into the pile. */
    void queue(Finished<O> item);

    /** The oldest item in the pile, removed; null if the pile is empty. */
    Finished<O> pollOldestQueued();

    /** Keeps the failure record of a shed item until it can be handed over. */
    void notice(Finished<O> item);

    /** The next item that may leave for the next stage, removed (its {@link Finished#place} says from where). */
    Finished<O> pollNext();

    int queuedCount();

    boolean isEmpty();

    /** Empties every place, giving each envelope to {@code discard}. */
    void clear(Consumer<Envelope<O>> discard);
}
