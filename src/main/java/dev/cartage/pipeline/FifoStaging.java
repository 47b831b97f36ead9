package dev.cartage.pipeline;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/** Unordered staging: items leave in the order they finished; notices and the pile before held items. */
final class FifoStaging<O> implements Staging<O> {

    private final ArrayDeque<Finished<O>> held = new ArrayDeque<>();
    private final ArrayDeque<Finished<O>> pile = new ArrayDeque<>();
    private final ArrayDeque<Finished<O>> notices = new ArrayDeque<>();

    @Override
    public void hold(Finished<O> item) {
        item.place = Finished.Place.HELD;
        held.add(item);
    }

    @Override
    public Finished<O> pollHeld() {
        return held.poll();
    }

    @Override
    public void queue(Finished<O> item) {
        item.place = Finished.Place.QUEUED;
        pile.add(item);
    }

    @Override
    public Finished<O> pollOldestQueued() {
        return pile.poll();
    }

    @Override
    public void notice(Finished<O> item) {
        item.place = Finished.Place.NOTICE;
        notices.add(item);
    }

    @Override
    public Finished<O> pollNext() {
        Finished<O> next = notices.poll();
        if (next == null) {
            next = pile.poll();
        }
        return next != null ? next : held.poll();
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
        for (ArrayDeque<Finished<O>> place : java.util.List.of(held, pile, notices)) {
            Finished<O> item;
            while ((item = place.poll()) != null) {
                discard.accept(item.envelope);
            }
        }
    }
}
