/**
 * The render stage: a {@code Document} written as Markdown, sanitised HTML, plain text, JSON or a link card, with
 * its own templates. It imports the engine and {@code marshal}; {@code deliver} and {@code run} may import it.
 */
package dev.cartage.render;
