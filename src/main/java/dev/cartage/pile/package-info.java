/**
 * The built-in demo origin: generated manuals served over real HTTP with adjustable latency and failures. A leaf: it
 * may import the engine, {@code web} and the extension points it plugs into ({@code fetch.guard.TrustedOrigin},
 * {@code fetch.polite.PolitenessExemption}, {@code web.FieldRejectedException}, {@code source.SourceForm} for
 * {@code {"pile": {...}}}); no other package imports it.
 */
package dev.cartage.pile;
