package dev.cartage.run;

import java.util.List;

import dev.cartage.marshal.Document;
import dev.cartage.marshal.meta.Metadata;

/**
 * A page as the reader page ({@code GET /read}) shows it: what it says about itself, and either the address of its
 * reader page, shown in a sandboxed frame, or its Markdown, shown as escaped text.
 *
 * @param facts    title, byline, site, dates, canonical address and so on; missing ones left out
 * @param frame    the address of the reader page for the frame ({@code /read/content?url=…}), or null
 * @param markdown the page as Markdown, or null
 */
record Reading(List<PageFacts.Fact> facts, String frame, String markdown) {

    /** Made in the render stage, where the document is at hand; {@code markdown} null for the framed reader page. */
    static Reading of(Document document, String frame, String markdown) {
        Metadata metadata = document.metadata();
        PageFacts facts = new PageFacts()
                .text("Title", metadata.title())
                .text("Byline", metadata.byline())
                .text("Site", metadata.siteName())
                .text("Published", metadata.published())
                .text("Language", metadata.language())
                .text("Description", metadata.description())
                .text("Reading time", document.readingMinutes() == 0 ? null : document.readingMinutes() + " min")
                .address("Canonical URL", metadata.canonicalUrl())
                .address("Source", document.sourceUrl());
        return new Reading(facts.list(), markdown == null ? frame : null, markdown);
    }
}
