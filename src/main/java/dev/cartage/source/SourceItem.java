package dev.cartage.source;

import java.net.URI;

/** One item to fetch: the address the pipeline's first stage works on. */
public record SourceItem(URI url) {
}
