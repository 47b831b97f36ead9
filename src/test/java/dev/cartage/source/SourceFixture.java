package dev.cartage.source;

import java.net.URI;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

import dev.cartage.fetch.FetchProperties;
import dev.cartage.fetch.TestFetchers;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * What the source tests start from: a local origin, a fetcher that may reach it, and a CPU scheduler for parsing,
 * wired into sitemap and feed sources or a whole expander the way the application wires them.
 */
record SourceFixture(TestOrigin origin, TestFetchers.Built client, Scheduler cpu, FetchProperties fetch)
        implements AutoCloseable {

    /** A small body cap (256 KB), so that too-large documents are cheap to make. */
    static final FetchProperties FETCH = new FetchProperties("Cartage-Test/1", Duration.ofSeconds(2),
            DataSize.ofKilobytes(256), 3, 20);

    static SourceFixture start(FetchProperties fetch) {
        return new SourceFixture(new TestOrigin(), TestFetchers.create(fetch), Schedulers.newParallel("test-cpu", 2), fetch);
    }

    SitemapSource sitemaps(SourceLimits limits) {
        return new SitemapSource(client.fetcher(), cpu, limits, fetch);
    }

    FeedSource feeds(SourceLimits limits) {
        return new FeedSource(client.fetcher(), cpu, limits);
    }

    /** An expander with default feed limits. */
    SourceExpander expander(SitemapSource sitemaps) {
        return new SourceExpander(sitemaps, feeds(SourceLimits.defaults()));
    }

    @Override
    public void close() {
        client.close();
        cpu.dispose();
        origin.close();
    }
}
