package dev.cartage.fetch.guard;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the SSRF guard.
 *
 * @param allow allow rules, each {@code host[:port][/path-prefix]} as {@link AllowRule} describes, admitting
 *              targets the deny list refuses; default none (the pile's own rule is added by itself)
 * @param ports the ports a URL may use without an allow rule; default 80 and 443
 */
@ConfigurationProperties("cartage.fetch.guard")
public record GuardProperties(List<String> allow, @DefaultValue({"80", "443"}) List<Integer> ports) {

    public GuardProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
        ports = ports == null ? List.of(80, 443) : List.copyOf(ports);
        for (Integer port : ports) {
            if (port == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException("cartage.fetch.guard.ports must list ports from 1 to 65535, was "
                        + ports);
            }
        }
    }

    /** The defaults plus {@code allow}. */
    public static GuardProperties allowing(String... allow) {
        return new GuardProperties(List.of(allow), List.of(80, 443));
    }
}
