/**
 * The engine: stages as functions on streams, their settings, the item envelope and its failures, bounded buffers
 * between stages, retries, meters. It imports no other Cartage package and nothing of HTTP, HTML or Spring Web, so
 * that it runs and is tested without them; every other package may import it.
 */
package dev.cartage.pipeline;
