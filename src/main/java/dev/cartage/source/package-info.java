/**
 * The sources of a run: the request's source forms (URL, inline, sitemap, feed, mirrors, and forms contributed
 * through {@code SourceForm}, such as the demo pile) read and expanded into a stream of items. It imports the engine
 * and {@code fetch} (sitemaps and feeds are fetched to be expanded), and {@code web} only for its field reader
 * ({@code Fields}, {@code FieldError}). {@code run} imports it; no stage does.
 */
package dev.cartage.source;
