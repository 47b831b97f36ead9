package dev.cartage.fetch.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pike's heap: always dispatches to a least-loaded mirror and stays a consistent indexed heap. */
class LoadHeapTest {

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomDispatchesAndCompletionsKeepTheHeapConsistentAndAlwaysPickALeastLoadedMirror(int seed) {
        Random random = new Random(seed);
        int mirrors = 1 + random.nextInt(9);
        LoadHeap heap = new LoadHeap(mirrors);
        int[] model = new int[mirrors];
        List<Integer> outstanding = new ArrayList<>();

        for (int step = 0; step < 3_000; step++) {
            boolean dispatch = outstanding.isEmpty() || random.nextInt(100) < 55;
            if (dispatch) {
                int least = IntStream.of(model).min().orElseThrow();
                int mirror = heap.dispatch();
                assertThat(model[mirror]).as("step %d: dispatched to a mirror that was not least loaded", step)
                        .isEqualTo(least);
                model[mirror]++;
                outstanding.add(mirror);
            } else {
                int mirror = outstanding.remove(random.nextInt(outstanding.size()));
                heap.complete(mirror);
                model[mirror]--;
            }
            heap.checkInvariants();
            for (int m = 0; m < mirrors; m++) {
                assertThat(heap.pending(m)).as("step %d, mirror %d", step, m).isEqualTo(model[m]);
            }
        }
        outstanding.forEach(heap::complete);
        heap.checkInvariants();
        assertThat(IntStream.range(0, mirrors).map(heap::pending)).containsOnly(0);
    }

    @Test
    void aCompletionMakesThatMirrorTheNextChoice() {
        LoadHeap heap = new LoadHeap(3);
        heap.dispatch();
        heap.dispatch();
        heap.dispatch();

        heap.complete(1);

        assertThat(heap.dispatch()).isEqualTo(1);
    }

    @Test
    void idleMirrorsTakeTurnsRatherThanTheFirstTakingEverything() {
        LoadHeap heap = new LoadHeap(3);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int mirror = heap.dispatch();
            order.add(mirror);
            heap.complete(mirror);
        }
        for (int round = 0; round < 3; round++) {
            Set<Integer> inRound = new HashSet<>(order.subList(3 * round, 3 * round + 3));
            assertThat(inRound).as("round %d of %s", round, order).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    @Test
    void completingAMirrorWithNothingPendingIsABug() {
        LoadHeap heap = new LoadHeap(2);
        assertThatThrownBy(() -> heap.complete(0)).isInstanceOf(IllegalStateException.class);
    }
}
