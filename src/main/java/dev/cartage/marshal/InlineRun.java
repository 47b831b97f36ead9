package dev.cartage.marshal;

import java.util.ArrayList;
import java.util.List;

/**
 * The inlines of one paragraph as a reader of HTML or Markdown collects them: loose text gathers until a styled
 * inline (link, code, emphasis) arrives, and whitespace is collapsed the way a reader shows it — any run of
 * {@link Whitespace} is one space, trimmed at both ends of the paragraph.
 */
final class InlineRun {

    private final List<Inline> inlines = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();

    /** Adds loose text, collapsed later with its neighbours. */
    void text(CharSequence text) {
        pending.append(text);
    }

    /** Adds a styled inline after the loose text before it. */
    void styled(Inline styled) {
        flushPending();
        inlines.add(styled);
    }

    /** The paragraph's inlines, trimmed at both ends; empty inlines left out. */
    List<Inline> finish() {
        flushPending();
        if (!inlines.isEmpty() && inlines.get(0) instanceof Inline.Text first) {
            inlines.set(0, new Inline.Text(first.text().stripLeading()));
        }
        int last = inlines.size() - 1;
        if (last >= 0 && inlines.get(last) instanceof Inline.Text end) {
            inlines.set(last, new Inline.Text(end.text().stripTrailing()));
        }
        inlines.removeIf(inline -> inline.text().isEmpty());
        return List.copyOf(inlines);
    }

    private void flushPending() {
        if (!pending.isEmpty()) {
            inlines.add(new Inline.Text(Whitespace.runsToSpaces(pending.toString())));
            pending.setLength(0);
        }
    }
}
