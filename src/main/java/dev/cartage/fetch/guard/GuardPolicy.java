package dev.cartage.fetch.guard;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The guard's decision, shared by the URL check and the connection check: a target is admitted when its address
 * is not denied and its port is allowed, or else when an allow rule admits it.
 */
final class GuardPolicy {

    private final Set<Integer> allowedPorts;
    private final List<AllowRule> configured;
    private final Supplier<List<AllowRule>> learned;

    /**
     * @param allowedPorts the ports any public target may use
     * @param configured   the rules of {@code cartage.fetch.guard.allow}
     * @param learned      rules known only at run time (the pile's, once the web server listens); asked each time
     */
    GuardPolicy(Set<Integer> allowedPorts, List<AllowRule> configured, Supplier<List<AllowRule>> learned) {
        this.allowedPorts = Set.copyOf(allowedPorts);
        this.configured = List.copyOf(configured);
        this.learned = learned;
    }

    /**
     * Why a URL may not be fetched, or null when it may.
     *
     * @param host    the URL's host, lower case, without brackets or trailing dot
     * @param literal the address when the host is an address literal, else null
     * @param port    the URL's port (its scheme's default when it names none)
     * @param path    the URL's {@link SafePath}, or null when the path is not plain
     */
    BlockReason refusalOfUrl(String host, InetAddress literal, int port, String path) {
        BlockReason denied = literal != null ? AddressClassifier.classify(literal) : nameClass(host);
        return refusal(denied, host, literal, literal != null, port, rule -> rule.admitsPath(path));
    }

    /**
     * Why a connection may not be opened, or null when it may. The path was checked by {@link #refusalOfUrl}.
     *
     * @param host    the host name the connection was asked for (the address itself for a literal URL)
     * @param address the address it goes to
     * @param literal whether {@code host} is the address written out
     * @param port    the port it goes to
     */
    BlockReason refusalOfConnection(String host, InetAddress address, boolean literal, int port) {
        return refusal(AddressClassifier.classify(address), host, address, literal, port, rule -> true);
    }

    private BlockReason refusal(BlockReason denied, String host, InetAddress address, boolean literal, int port,
                                Predicate<AllowRule> pathAdmitted) {
        if (denied == null && allowedPorts.contains(port)) {
            return null;
        }
        for (AllowRule rule : rules()) {
            if (rule.admits(host, address, literal, port, allowedPorts) && pathAdmitted.test(rule)) {
                return null;
            }
        }
        return denied != null ? denied : BlockReason.PORT;
    }

    private List<AllowRule> rules() {
        List<AllowRule> more = learned.get();
        if (more.isEmpty()) {
            return configured;
        }
        List<AllowRule> all = new ArrayList<>(configured.size() + more.size());
        all.addAll(configured);
        all.addAll(more);
        return all;
    }

    /** Names that mean this machine whatever DNS says (RFC 6761): {@code localhost} and {@code *.localhost}. */
    private static BlockReason nameClass(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") ? BlockReason.LOOPBACK : null;
    }
}
