package dev.cartage.fetch.mirror;

/**
 * Pike's balancer: the mirrors of one origin set in an indexed binary min-heap ordered by requests pending, so
 * that the least-loaded mirror is always at the root.
 *
 * <p>{@link #dispatch()} takes the root (pop min), counts one more request pending on it and lets it sink to its
 * place (push); {@link #complete(int)} counts one fewer and lets it rise. Because the heap knows where each
 * mirror sits ({@code position}), completion fixes one entry in O(log n) instead of searching for it.
 *
 * <p>Ties are broken by the earlier last dispatch, so idle mirrors take turns instead of the first one taking
 * every request when nothing is pending (which is what a parallelism of 1 looks like). Both keys only grow on
 * dispatch and the pending count only shrinks on completion, so one sift direction suffices for each.
 *
 * <p>Thread-safe: each operation is a short synchronized section over a handful of array slots; nothing in it
 * waits for anything, so it is safe on an event loop.
 */
final class LoadHeap {

    /** heap[i] = the mirror at heap slot i; the root, heap[0], is the least loaded. */
    private final int[] heap;
    /** position[m] = the heap slot of mirror m. */
    private final int[] position;
    private final int[] pending;
    /** When each mirror was last dispatched to, on the heap's own clock; the tie-breaker. */
    private final long[] lastDispatch;
    private long clock;

    LoadHeap(int mirrors) {
        if (mirrors < 1) {
            throw new IllegalArgumentException("a heap of mirrors needs at least one, got " + mirrors);
        }
        heap = new int[mirrors];
        position = new int[mirrors];
        pending = new int[mirrors];
        lastDispatch = new long[mirrors];
        for (int m = 0; m < mirrors; m++) {
            heap[m] = m;
            position[m] = m;
        }
    }

    /** Picks the least-loaded mirror and counts a request pending on it; pair with one {@link #complete(int)}. */
    synchronized int dispatch() {
        int mirror = heap[0];
        pending[mirror]++;
        lastDispatch[mirror] = ++clock;
        siftDown(0);
        return mirror;
    }

    /** A request to {@code mirror} ended (answer, error or cancel): one fewer pending. */
    synchronized void complete(int mirror) {
        if (pending[mirror] == 0) {
            throw new IllegalStateException("mirror " + mirror + " has no request pending");
        }
        pending[mirror]--;
        siftUp(position[mirror]);
    }

    int size() {
        return heap.length;
    }

    synchronized int pending(int mirror) {
        return pending[mirror];
    }

    /** The mirror {@link #dispatch()} would pick now. */
    synchronized int peek() {
        return heap[0];
    }

    /**
     * Throws if the heap is inconsistent: a parent above a lighter child, an index that does not point back, a
     * negative count. For tests, which call it after every operation.
     */
    synchronized void checkInvariants() {
        for (int slot = 0; slot < heap.length; slot++) {
            if (position[heap[slot]] != slot) {
                throw new IllegalStateException("mirror " + heap[slot] + " sits at " + slot + " but is indexed at "
                        + position[heap[slot]]);
            }
            if (pending[heap[slot]] < 0) {
                throw new IllegalStateException("mirror " + heap[slot] + " has " + pending[heap[slot]] + " pending");
            }
            int parent = (slot - 1) / 2;
            if (slot > 0 && lighter(heap[slot], heap[parent])) {
                throw new IllegalStateException("slot " + slot + " is lighter than its parent " + parent);
            }
        }
    }

    private boolean lighter(int a, int b) {
        return pending[a] != pending[b] ? pending[a] < pending[b] : lastDispatch[a] < lastDispatch[b];
    }

    private void siftDown(int slot) {
        while (true) {
            int left = 2 * slot + 1;
            if (left >= heap.length) {
                return;
            }
            int right = left + 1;
            int child = right < heap.length && lighter(heap[right], heap[left]) ? right : left;
            if (!lighter(heap[child], heap[slot])) {
                return;
            }
            swap(slot, child);
            slot = child;
        }
    }

    private void siftUp(int slot) {
        while (slot > 0) {
            int parent = (slot - 1) / 2;
            if (!lighter(heap[slot], heap[parent])) {
                return;
            }
            swap(slot, parent);
            slot = parent;
        }
    }

    private void swap(int a, int b) {
        int mirrorA = heap[a];
        int mirrorB = heap[b];
        heap[a] = mirrorB;
        heap[b] = mirrorA;
        position[mirrorB] = a;
        position[mirrorA] = b;
    }
}
