package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The title a rendered page shows above its content, and the content without the heading that would repeat it.
 *
 * <p>A page's {@code <title>} often carries the site's name ("Parsing HTML | The Example Blog") while its first
 * {@code h1} is the headline alone ("Parsing HTML"). Showing both repeats the headline, so when the first
 * level-1 heading is the title with a site prefix or suffix split off by a separator, or the title itself, or a
 * longer form of it, the heading's text is shown as the title and the heading is left out of the content. The
 * rule needs a separator ({@code | - – — : · • /}) between the headline and the rest, so that a short heading
 * that merely occurs in the title ("News" in "Breaking news today") is not taken for the headline.
 *
 * @param text   the title to show, or the empty string when there is none
 * @param blocks the blocks to render after it
 */
record DisplayTitle(String text, List<Block> blocks) {

    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:…|\\.\\.\\.)$");
    private static final Pattern SITE_BEFORE = Pattern.compile(".*[|\\-–—:·•/»«]\\s+", Pattern.DOTALL);
    private static final Pattern SITE_AFTER = Pattern.compile("\\s*[|\\-–—:·•/»«]\\s.*", Pattern.DOTALL);

    static DisplayTitle of(Document document) {
        String title = MarkdownText.collapse(document.title());
        List<Block> blocks = document.blocks();
        int index = firstHeading(blocks);
        if (index < 0) {
            return new DisplayTitle(title, blocks);
        }
        String headline = MarkdownText.collapse(((Block.Heading) blocks.get(index)).text());
        // without a title, only a heading that opens the content is taken for one: a deeper one stays in place
        if (title.isEmpty() ? index == 0 : repeats(title, headline)) {
            List<Block> rest = new ArrayList<>(blocks);
            rest.remove(index);
            return new DisplayTitle(headline, List.copyOf(rest));
        }
        return new DisplayTitle(title, blocks);
    }

    /** The index of the first heading when it is a level-1 heading with text, else -1. */
    private static int firstHeading(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Block.Heading heading) {
                return heading.level() == 1 && !heading.text().isBlank() ? i : -1;
            }
        }
        return -1;
    }

    private static boolean repeats(String title, String headline) {
        String t = title.toLowerCase(Locale.ROOT);
        String h = headline.toLowerCase(Locale.ROOT);
        String shortened = ELLIPSIS.matcher(t).replaceFirst("");
        if (t.equals(h) || (shortened.length() >= 8 && h.startsWith(shortened))) {
            return true; // the same, or a title cut short by the site
        }
        int at = t.indexOf(h);
        if (at < 0) {
            return false;
        }
        String before = t.substring(0, at);
        String after = t.substring(at + h.length());
        return isSiteSide(before, true) && isSiteSide(after, false);
    }

    /** Empty, or the site's name split off from the headline by a separator with a space beside it. */
    private static boolean isSiteSide(String rest, boolean beforeHeadline) {
        return rest.isBlank() || (beforeHeadline ? SITE_BEFORE : SITE_AFTER).matcher(rest).matches();
    }
}
