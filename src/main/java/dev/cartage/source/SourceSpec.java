package dev.cartage.source;

import java.net.URI;

import dev.cartage.pile.PileQuery;

/** One entry of a run's {@code sources}, checked and ready to expand into items. */
public sealed interface SourceSpec {

    /** One absolute http(s) URL: one item. */
    record Url(URI url) implements SourceSpec {
    }

    /** The built-in demo origin: {@code count} items, its pages 0 … count−1. */
    record Pile(PileQuery query) implements SourceSpec {
    }
}
