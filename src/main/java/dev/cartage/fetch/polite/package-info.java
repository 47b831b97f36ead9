/**
 * Manners towards origins: robots.txt, per-host concurrency and spacing, {@code Retry-After}. It imports the engine
 * and {@code fetch.guard}, never its parent {@code fetch}: the fetch stage hands it its client and {@code User-Agent}
 * ({@code PolitenessConfiguration}). Exempt targets (the pile) are contributed through
 * {@link dev.cartage.fetch.polite.PolitenessExemption} beans.
 */
package dev.cartage.fetch.polite;
