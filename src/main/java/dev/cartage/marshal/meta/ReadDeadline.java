package dev.cartage.marshal.meta;

/**
 * The time the metadata readers may spend on one page, so that a page with hundreds of thousands of meta tags or
 * links fails like any other page too complex to marshal in time. The marshal stage hands in its item's deadline;
 * both checks throw once it is spent.
 */
public interface ReadDeadline {

    /** A cheap check, called once per node inside loops. */
    void check();

    /** A check of the clock now, called between phases. */
    void checkNow();
}
