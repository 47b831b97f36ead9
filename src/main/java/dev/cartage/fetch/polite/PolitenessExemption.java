package dev.cartage.fetch.polite;

import java.net.URI;

/**
 * Targets the fetch stage need not be polite to: no robots.txt, no per-host permit, no spacing. Contributed as a
 * bean by the package that serves them (the service's own pile, whose latency is set by the request), so that
 * politeness never imports that package.
 */
@FunctionalInterface
public interface PolitenessExemption {

    /** Whether {@code target} is exempt; false for anything this exemption does not know. */
    boolean exempts(URI target);
}
