package dev.cartage.fetch.mirror;

import java.util.Locale;

/** How one request to one mirror ended. */
enum RequestEnd {
    /** A good answer (which, for first-response, may still have lost the race by a hair). */
    COMPLETED,
    /** An error: a status, a refused or broken connection, a refusal by the guard or by robots.txt. */
    FAILED,
    /** Cancelled before it ended: it lost a first-response race, or the run or the stage's timeout stopped it. */
    CANCELLED;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
