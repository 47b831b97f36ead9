package dev.cartage.fetch.guard;

/**
 * Why the guard refused a target: the class of its address, or its port. The wire name is the {@code reason} tag
 * of the {@code cartage.fetch.blocked} counter and appears in the item's error message.
 */
public enum BlockReason {
    LOOPBACK("loopback"),
    UNSPECIFIED("unspecified"),
    THIS_NETWORK("this-network"),
    PRIVATE("private"),
    LINK_LOCAL("link-local"),
    CGNAT("cgnat"),
    UNIQUE_LOCAL("unique-local"),
    MULTICAST("multicast"),
    BROADCAST("broadcast"),
    NAT64("nat64"),
    SIX_TO_FOUR("6to4"),
    TEREDO("teredo"),
    DOCUMENTATION("documentation"),
    BENCHMARK("benchmark"),
    RESERVED("reserved"),
    PORT("port");

    private final String tag;

    BlockReason(String tag) {
        this.tag = tag;
    }

    /** The short name used in metrics and messages, such as {@code link-local}. */
    public String tag() {
        return tag;
    }

    @Override
    public String toString() {
        return tag;
    }
}
