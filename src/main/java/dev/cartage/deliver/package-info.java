/**
 * The deliver stage and its sinks: the response stream, the outcome log, a directory, a webhook. It is last in
 * import order: it may import the engine and every stage before it ({@code render}, {@code marshal}, {@code fetch}
 * for the guarded client and {@code Retry-After}), and {@code web} only for its field reader ({@code Fields}, {@code FieldError}). Only {@code run}
 * imports it.
 */
package dev.cartage.deliver;
