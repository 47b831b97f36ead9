package dev.cartage.pile;

import java.net.URI;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.guard.AllowRule;
import dev.cartage.fetch.guard.TrustedOrigin;

/**
 * The allow rule that lets the fetch stage reach the service's own pile and nothing else of the service:
 * {@code host:port} of {@link PileOrigin#baseUrl()} with the path prefix {@code {base path}/pile/}. The base URL
 * may be learned only when the web server starts, so the rule is made on first use after that and then kept.
 */
@Component
final class PileTrustedOrigin implements TrustedOrigin {

    private final PileOrigin pile;
    private volatile List<AllowRule> rule;

    PileTrustedOrigin(PileOrigin pile) {
        this.pile = pile;
    }

    @Override
    public List<AllowRule> allowRules() {
        List<AllowRule> known = rule;
        if (known != null) {
            return known;
        }
        URI base;
        try {
            base = pile.baseUrl();
        } catch (IllegalStateException notYetListening) {
            return List.of();
        }
        known = List.of(of(base));
        rule = known;
        return known;
    }

    /** The rule for a pile served at {@code base}, such as {@code 127.0.0.1:8080/pile/}. */
    static AllowRule of(URI base) {
        int port = base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        return AllowRule.of(base.getHost(), port, basePath + "/pile/");
    }
}
