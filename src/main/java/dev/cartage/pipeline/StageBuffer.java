package dev.cartage.pipeline;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * A stage's finished items on their way to the next stage: the stage's {@code buffer}. An item that finished joins
 * it {@linkplain #hold held} by its worker (still in flight); what the next stage does not take at once is
 * {@linkplain #admitHeld admitted}: queued while fewer than {@code buffer} items are queued, otherwise the
 * overflow policy holds it (backpressure), sheds it (leaving its failure record in its place) or fails the run.
 *
 * <p><b>Order.</b> Unordered, items leave as they finished: shed records first, then queued items, then held
 * ones. Ordered, an item leaves only when every item the stage received before it has left, wherever it waits.
 *
 * <p>Every move is counted on the stage's {@link StageMeter}, which only observes. Not thread-safe: only the stage's
 * drain loop uses it.
 */
final class StageBuffer<O> {

    private final Stage stage;
    private final int capacity;
    private final Overflow overflow;
    private final StageMeter meter;
    private final Consumer<Envelope<O>> discard;

    /** Finished, but not yet queued or handed over: the worker still holds them, so they count as in flight. */
    private final Queue<Finished<O>> held;
    /** The buffer proper: never more than {@code capacity} items. */
    private final Queue<Finished<O>> queued;
    /** Failure records of shed items, whose payload was already discarded; they take no room. */
    private final Queue<Finished<O>> shed;
    /** The arrival index of the item due next when ordered (unordered, it only counts items that left). */
    private long due;
    private final boolean ordered;

    StageBuffer(StagePlan<?, O> plan, Consumer<Envelope<O>> discard) {
        this.stage = plan.stage();
        this.capacity = plan.settings().buffer();
        this.overflow = plan.settings().overflow();
        this.meter = plan.meter();
        this.discard = discard;
        this.ordered = plan.ordered();
        this.held = newLine();
        this.queued = newLine();
        this.shed = newLine();
    }

    /** A finished item (or one that passed through without work); its worker holds it until it moves on. */
    void hold(Finished<O> item) {
        held.add(item);
    }

    /** Records that an item nobody asked for (a push source) was shed on arrival; its failure record waits here. */
    void shedOnArrival(long index, Envelope<O> item) {
        meter.shedOnArrival();
        shed.add(new Finished<>(index, item.withFailure(ItemFailures.dropped(stage)), 0, false));
    }

    /** The next item the next stage may take, removed and counted; null if none may leave now. */
    Envelope<O> poll() {
        Finished<O> item = pollDue(shed);
        if (item == null && (item = pollDue(queued)) != null) {
            meter.dequeued();
        }
        if (item == null && (item = pollDue(held)) != null) {
            meter.handedOverFromWork(item.failedHere());
        }
        if (item == null) {
            return null;
        }
        due++;
        return item.envelope();
    }

    /**
     * Queues held items while the buffer has room; when it is full, the overflow policy decides for the rest.
     *
     * @return the error that breaks the run under overflow {@code error}, otherwise null
     */
    StageOverflowException admitHeld() {
        while (!held.isEmpty()) {
            if (queued.size() < capacity) {
                queue(held.poll());
                continue;
            }
            switch (overflow) {
                case BACKPRESSURE -> {
                    // the held items stay with their workers, so the stage asks upstream for nothing new
                    return null;
                }
                case ERROR -> {
                    return new StageOverflowException(stage, capacity);
                }
                case DROP_NEWEST -> shedFromWork(held.poll());
                case DROP_OLDEST -> {
                    Finished<O> oldest = queued.poll();
                    if (oldest == null) {
                        // buffer 0: there is nothing to evict, so the newcomer is the one shed
                        shedFromWork(held.poll());
                    } else {
                        meter.droppedFromQueue(oldest.failedHere());
                        shed(oldest);
                        queue(held.poll());
                    }
                }
            }
        }
        return null;
    }

    /** Items finished and still held by their worker: part of the stage's in-flight count. */
    int heldCount() {
        return held.size();
    }

    /** Everything waiting here, for a scan; a racy read from other threads, like any operator's buffer size. */
    int size() {
        return held.size() + queued.size() + shed.size();
    }

    boolean isEmpty() {
        return held.isEmpty() && queued.isEmpty() && shed.isEmpty();
    }

    /** Hands every waiting item to the discard hook and empties the buffer. */
    void clear() {
        for (Queue<Finished<O>> line : java.util.List.of(held, queued, shed)) {
            Finished<O> item;
            while ((item = line.poll()) != null) {
                discard.accept(item.envelope());
            }
        }
    }

    private void queue(Finished<O> item) {
        queued.add(item);
        meter.queuedFromWork(item.failedHere());
    }

    private void shedFromWork(Finished<O> item) {
        meter.droppedFromWork();
        shed(item);
    }

    /** The item's payload is released; its record stays, as a failure of type dropped. */
    private void shed(Finished<O> item) {
        discard.accept(item.envelope());
        shed.add(new Finished<>(item.index(), item.envelope().withFailure(ItemFailures.dropped(stage)), 0, false));
    }

    /** The head of {@code line} if it may leave now: always unordered, only when it is due ordered. */
    private Finished<O> pollDue(Queue<Finished<O>> line) {
        Finished<O> head = line.peek();
        if (head == null || ordered && head.index() != due) {
            return null;
        }
        return line.poll();
    }

    /** Unordered, a line keeps finishing order; ordered, arrival order (a heap: no allocation per item). */
    private Queue<Finished<O>> newLine() {
        return ordered ? new PriorityQueue<>(Comparator.comparingLong(Finished::index)) : new ArrayDeque<>();
    }
}
