/**
 * The marshal stage: HTML, Markdown, feeds, JSON and text read into a {@link dev.cartage.marshal.Document}, and the
 * reader whitespace ({@link dev.cartage.marshal.Whitespace}) the renderers share. It imports the engine and its
 * sub-package {@code meta}, no other feature; {@code render}, {@code deliver} and {@code run} may import it.
 */
package dev.cartage.marshal;
