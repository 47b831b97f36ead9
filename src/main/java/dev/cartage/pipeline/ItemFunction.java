package dev.cartage.pipeline;

/** A per-item function that may throw; a throw fails that item only. */
@FunctionalInterface
public interface ItemFunction<I, O> {
    O apply(I input) throws Exception;
}
