package dev.cartage.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A local origin for source tests: serves documents registered by path, and remembers which paths were asked for. */
final class TestOrigin implements AutoCloseable {

    private record Document(int status, Map<String, String> headers, byte[] body, Duration delay) {
    }

    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    TestOrigin() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    String path = URI.create(request.uri()).getRawPath();
                    requested.add(path);
                    Document document = documents.get(path);
                    if (document == null) {
                        return response.status(404).send();
                    }
                    document.headers().forEach(response::header);
                    return response.status(document.status())
                            .sendByteArray(Mono.just(document.body()).delayElement(document.delay()))
                            .then();
                })
                .bindNow();
    }

    TestOrigin serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    TestOrigin serve(String path, String contentType, byte[] body) {
        return serve(path, 200, Map.of("Content-Type", contentType), body);
    }

    TestOrigin serve(String path, int status, Map<String, String> headers, byte[] body) {
        documents.put(path, new Document(status, headers, body, Duration.ZERO));
        return this;
    }

    /** Serves {@code body} only {@code delay} after each request. */
    TestOrigin serveLate(String path, String contentType, String body, Duration delay) {
        documents.put(path, new Document(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), delay));
        return this;
    }

    URI url(String path) {
        return URI.create(base() + path);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    List<String> requested() {
        return requested;
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A sitemaps.org urlset listing {@code locs}, each escaped as XML text. */
    static String urlset(List<String> locs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        locs.forEach(loc -> xml.append("  <url><loc>").append(escape(loc)).append("</loc></url>\n"));
        return xml.append("</urlset>\n").toString();
    }

    /** A sitemaps.org sitemapindex listing {@code locs}. */
    static String index(List<String> locs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        locs.forEach(loc -> xml.append("  <sitemap><loc>").append(escape(loc)).append("</loc></sitemap>\n"));
        return xml.append("</sitemapindex>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
