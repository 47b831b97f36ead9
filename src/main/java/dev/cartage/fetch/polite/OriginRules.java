package dev.cartage.fetch.polite;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import crawlercommons.robots.BaseRobotRules;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;

/**
 * What robots.txt lets Cartage do at one origin ({@code scheme://host:port}), and why.
 *
 * @param origin     the origin the rules are for
 * @param kind       how they were found
 * @param rules      the parsed rules, for {@link Kind#PARSED} only
 * @param crawlDelay the least time between two request starts robots.txt asks for; zero when none
 * @param reason     what happened, for messages
 * @param refusal    the guard's refusal for {@link Kind#REFUSED}; for {@link Kind#UNREACHABLE}, the failure items get
 *                   when robots.txt could not be requested at all; otherwise null
 */
record OriginRules(String origin, Kind kind, BaseRobotRules rules, Duration crawlDelay, String reason,
                   ItemException refusal) {

    /** How the rules of an origin were found; the name tags {@code cartage.fetch.robots.fetches}. */
    enum Kind {
        /** robots.txt was read: obey it. */
        PARSED,
        /** None found (4xx, too many redirects...): RFC 9309's "unavailable", no restrictions. */
        UNAVAILABLE,
        /** It could not be read (5xx, 429, timeout, no connection): RFC 9309's "unreachable", all disallowed. */
        UNREACHABLE,
        /** The guard refused to connect to the origin: items there fail with that refusal, not with robots. */
        REFUSED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static OriginRules parsed(String origin, BaseRobotRules rules, Duration crawlDelay) {
        return new OriginRules(origin, Kind.PARSED, rules, crawlDelay, "robots.txt read", null);
    }

    static OriginRules unavailable(String origin, String reason) {
        return new OriginRules(origin, Kind.UNAVAILABLE, null, Duration.ZERO, reason, null);
    }

    static OriginRules unreachable(String origin, String reason) {
        return new OriginRules(origin, Kind.UNREACHABLE, null, Duration.ZERO, reason, null);
    }

    /**
     * robots.txt could not even be requested (no connection, no answer in time). RFC 9309 still says "disallow
     * everything", but the page could not have been fetched either, so items fail as {@code failure} (connection
     * or timeout) — what the user needs to know — rather than as robots.
     */
    static OriginRules unconnected(String origin, String reason, FailureType failure) {
        return new OriginRules(origin, Kind.UNREACHABLE, null, Duration.ZERO, reason,
                new ItemException(failure, "could not reach " + origin + " (" + reason + "); robots.txt unread, "
                        + "so nothing there is fetched for now (RFC 9309)"));
    }

    static OriginRules refused(String origin, ItemException refusal) {
        return new OriginRules(origin, Kind.REFUSED, null, Duration.ZERO, refusal.getMessage(), refusal);
    }

    /** Why {@code target} may not be fetched, or null when it may. */
    ItemException refusalOf(URI target) {
        switch (kind) {
            case REFUSED:
                return new ItemException(refusal.type(), refusal.getMessage(), refusal.httpStatus(), false, null);
            case UNREACHABLE:
                if (refusal != null) {
                    return new ItemException(refusal.type(), refusal.getMessage(), null, false, null);
                }
                return new ItemException(FailureType.ROBOTS, "robots.txt of " + origin + " could not be read ("
                        + reason + "), so the whole site counts as disallowed for now (RFC 9309); try again later");
            case PARSED:
                return rules.isAllowed(target.toString()) ? null : new ItemException(FailureType.ROBOTS,
                        "robots.txt of " + origin + " disallows " + target + " for Cartage");
            default:
                return null;
        }
    }

    /** Whether these rules stand for a passing failure and should be asked for again soon. */
    boolean temporary() {
        return kind == Kind.UNREACHABLE || kind == Kind.REFUSED;
    }
}
