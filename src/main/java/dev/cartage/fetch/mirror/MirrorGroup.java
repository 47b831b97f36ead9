package dev.cartage.fetch.mirror;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The balancing state of one origin set within one run: the least-loaded heap and the round-robin turn. Items that
 * use different balances over the same origins share the group but not the structure: the heap counts only the
 * requests it dispatched itself, which keeps its invariant (only dispatch raises a count, only completion lowers it).
 */
final class MirrorGroup {

    private final LoadHeap load;
    private final AtomicLong turns = new AtomicLong();

    MirrorGroup(int mirrors) {
        this.load = new LoadHeap(mirrors);
    }

    LoadHeap load() {
        return load;
    }

    /** The next mirror in turn: 0, 1, …, n−1, 0, … across every round-robin item of the group. */
    int nextTurn() {
        return (int) Math.floorMod(turns.getAndIncrement(), (long) load.size());
    }
}
