package dev.cartage.pipeline;

import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Ordered staging: items leave in the order the stage received them. A finished item whose predecessors are
 * still being worked on waits in the pile (head-of-line waiting), so it counts as queued.
 */
final class OrderedStaging<O> implements Staging<O> {

    private final TreeMap<Long, Finished<O>> held = new TreeMap<>();
    private final TreeMap<Long, Finished<O>> pile = new TreeMap<>();
    private final TreeMap<Long, Finished<O>> notices = new TreeMap<>();
    private long nextIndex;

    @Override
    public void hold(Finished<O> item) {
        item.place = Finished.Place.HELD;
        held.put(item.index, item);
    }

    @Override
    public Finished<O> pollHeld() {
        var first = held.pollFirstEntry();
        return first == null ? null : first.getValue();
    }

    @Override
    public void queue(Finished<O> item) {
        item.place = Finished.Place.QUEUED;
        pile.put(item.index, item);
    }

    @Override
    public Finished<O> pollOldestQueued() {
        var first = pile.pollFirstEntry();
        return first == null ? null : first.getValue();
    }

    @Override
    public void notice(Finished<O> item) {
        item.place = Finished.Place.NOTICE;
        notices.put(item.index, item);
    }

    @Override
    public Finished<O> pollNext() {
        Finished<O> next = notices.remove(nextIndex);
        if (next == null) {
            next = pile.remove(nextIndex);
        }
        if (next == null) {
            next = held.remove(nextIndex);
        }
        if (next != null) {
            nextIndex++;
        }
        return next;
    }

    @Override
    public int queuedCount() {
        return pile.size();
    }

    @Override
    public boolean isEmpty() {
        return held.isEmpty() && pile.isEmpty() && notices.isEmpty();
    }

    @Override
    public void clear(Consumer<Envelope<O>> discard) {
        for (TreeMap<Long, Finished<O>> place : List.of(held, pile, notices)) {
            place.values().forEach(item -> discard.accept(item.envelope));
            place.clear();
        }
    }
}
