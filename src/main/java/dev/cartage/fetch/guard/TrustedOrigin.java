package dev.cartage.fetch.guard;

import java.util.List;

/**
 * An origin of the service itself that the fetch stage may reach although it is on a local address, contributed
 * as a bean by the package that serves it (the pile), so that the guard never imports that package. The guard asks
 * on every check, because such an origin may be known only once the web server listens; until then the answer is
 * an empty list.
 */
@FunctionalInterface
public interface TrustedOrigin {

    /** The rules that admit this origin's paths and nothing else of the service; empty while it is not known. */
    List<AllowRule> allowRules();
}
