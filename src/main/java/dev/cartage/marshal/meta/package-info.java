/**
 * What a page says about itself: {@link dev.cartage.marshal.meta.Metadata} and its readers (meta tags, OpenGraph,
 * JSON-LD, byline, dates). It imports only the engine, never its parent {@code marshal}, whose deadline it sees as
 * a {@link dev.cartage.marshal.meta.ReadDeadline}.
 */
package dev.cartage.marshal.meta;
