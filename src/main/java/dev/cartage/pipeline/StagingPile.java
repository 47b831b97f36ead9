package dev.cartage.pipeline;

import java.util.function.Consumer;

/**
 * A stage's finished items and the policy for them: held by their worker, admitted to the pile of
 * {@code buffer} places, shed by the overflow policy, handed to the next stage. Every move updates the stage's
 * meter, so that the counters and the places can never disagree.
 *
 * <p>Not thread-safe: only the stage's drain loop uses it.
 */
final class StagingPile<O> {

    private final Stage stage;
    private final int buffer;
    private final Overflow overflow;
    private final StageMeter meter;
    private final Staging<O> places;
    private final Consumer<Envelope<O>> discard;

    StagingPile(StagePlan<?, O> plan, Consumer<Envelope<O>> discard) {
        this.stage = plan.stage();
        this.buffer = plan.settings().buffer();
        this.overflow = plan.settings().overflow();
        this.meter = plan.meter();
        this.places = Staging.create(plan.ordered());
        this.discard = discard;
    }

    /** A worker finished this item (or it passed through without work); its worker holds it for now. */
    void hold(Finished<O> item) {
        places.hold(item);
    }

    /** An item nobody asked for (a push source) that the drop policies shed on arrival. */
    void shedOnArrival(long index, Envelope<O> item) {
        meter.receivedUnrequestedAndDropped();
        places.notice(new Finished<>(index, item.withFailure(ItemFailures.dropped(stage)), 0, false));
    }

    /** The next item the next stage may take, with its move counted; null if none may leave now. */
    Envelope<O> next() {
        Finished<O> item = places.pollNext();
        if (item == null) {
            return null;
        }
        switch (item.place) {
            case QUEUED -> meter.dequeued();
            case HELD -> meter.handedOverFromWork(item.failedHere);
            case NOTICE -> { }
        }
        return item.envelope;
    }

    /**
     * Moves held items into the pile while it has room; when it is full, the overflow policy decides.
     *
     * @return the error that breaks the run under overflow {@code error}, otherwise null
     */
    StageOverflowException admitHeld() {
        Finished<O> item;
        while ((item = places.pollHeld()) != null) {
            if (places.queuedCount() < buffer) {
                queue(item);
                continue;
            }
            switch (overflow) {
                case BACKPRESSURE -> {
                    places.hold(item);
                    return null;
                }
                case DROP_NEWEST -> shedFromWork(item);
                case DROP_OLDEST -> {
                    Finished<O> oldest = places.pollOldestQueued();
                    if (oldest == null) {
                        // buffer 0: there is no pile to evict from, so the newcomer is the one shed
                        shedFromWork(item);
                    } else {
                        meter.droppedFromQueue(oldest.failedHere);
                        shed(oldest);
                        queue(item);
                    }
                }
                case ERROR -> {
                    places.hold(item);
                    return new StageOverflowException(stage, buffer);
                }
            }
        }
        return null;
    }

    boolean isEmpty() {
        return places.isEmpty();
    }

    /** Discards every item in every place. */
    void clear() {
        places.clear(discard);
    }

    private void queue(Finished<O> item) {
        places.queue(item);
        meter.queuedFromWork(item.failedHere);
    }

    private void shedFromWork(Finished<O> item) {
        meter.droppedFromWork();
        shed(item);
    }

    /** The item's payload is released; its record stays, as a failure of type dropped. */
    private void shed(Finished<O> item) {
        discard.accept(item.envelope);
        Envelope<O> notice = item.envelope.withFailure(ItemFailures.dropped(stage));
        places.notice(new Finished<>(item.index, notice, 0, false));
    }
}
