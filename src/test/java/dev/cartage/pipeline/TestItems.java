package dev.cartage.pipeline;

import java.util.SplittableRandom;

import reactor.core.publisher.Flux;

/** Sources and deterministic failure injection for the engine's tests. */
final class TestItems {

    private TestItems() {
    }

    static Flux<Envelope<Integer>> numbers(int count) {
        return Flux.range(0, count).map(n -> Envelope.of(n, "item-" + n, n));
    }

    /** Whether the stage named {@code stage} should fail item {@code n}: about {@code rate} of items, per stage. */
    static boolean shouldFail(long seed, String stage, int n, double rate) {
        return new SplittableRandom(seed ^ stage.hashCode() * 31L ^ n * 1_000_003L).nextDouble() < rate;
    }

    static int delayMillis(long seed, String stage, int n, int max) {
        return new SplittableRandom(seed ^ stage.hashCode() * 17L ^ n * 7_919L).nextInt(max + 1);
    }
}
