package dev.cartage.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The 404 page for an address under {@code /pages/} that names no asset: the static resource handler would answer it
 * with the API's problem document. The assets are listed once at startup, so no request looks at the class path;
 * an address that names one is left to the resource handler.
 */
@Configuration(proxyBeanMethods = false)
class UnknownAssets {

    private static final String ROOT = "static/pages/";

    @Bean
    RouterFunction<ServerResponse> unknownAssetPage() {
        Set<String> assets = assets();
        return RouterFunctions.route(RequestPredicates.GET("/pages/**")
                        .and(request -> !assets.contains(request.path())),
                request -> ServerResponse.status(HttpStatus.NOT_FOUND)
                        .render("errors/not-found", Map.of("message", "There is no page at this address.")));
    }

    /** Every file under {@code static/pages/} by the path it is served at, such as {@code /pages/cartage.css}. */
    private static Set<String> assets() {
        try {
            String root = new ClassPathResource(ROOT).getURL().toString();
            Set<String> paths = new HashSet<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*")) {
                String url = resource.getURL().toString();
                if (url.startsWith(root) && resource.isReadable()) {
                    paths.add("/pages/" + url.substring(root.length()));
                }
            }
            return Set.copyOf(paths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the page assets under classpath:" + ROOT, e);
        }
    }
}
