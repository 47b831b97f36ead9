package dev.cartage.render;

import dev.cartage.marshal.Block;
import dev.cartage.marshal.Document;
import dev.cartage.marshal.Inline;
import dev.cartage.marshal.meta.Metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded random documents for the renderers' property tests: every block kind, nested lists and quotes, and text
 * full of characters that mean something in Markdown or HTML. The same seed always gives the same document.
 */
final class GeneratedDocuments {

    /** Characters that are markup somewhere: Markdown, GFM tables, HTML, entities, template expressions. */
    private static final String NASTY = "*_[]#<>|\\`&!~()-+.=:;\"'{}$^%@/?,";
    private static final String[] WORDS = {"alpha", "Beta", "gamma", "delta", "x", "42", "1.", "2)", "café", "中文",
            "naïve", "C#", "C++", "a_b", "snake_case", "&amp;", "&#169;", "<div>", "</p>", "**", "__", "--", "==",
            "[link]", "](x)", "`tick`", "|", "\\", "#", "-", "+", ">", "1986.", "${7*7}", "[[${x}]]", "~~s~~"};
    private static final String[] LANGUAGES = {"", "java", "c++", "c#", "objective-c", "python3", "x.y_z"};

    private final Random random;

    private GeneratedDocuments(long seed) {
        random = new Random(seed);
    }

    /** Fixed seeds for {@code @MethodSource}. */
    static Stream<Long> seeds() {
        return IntStream.range(0, 60).mapToObj(i -> 7919L * i + 17);
    }

    static Document document(long seed) {
        return new GeneratedDocuments(seed).document();
    }

    private Document document() {
        List<Block> blocks = new ArrayList<>();
        int count = 4 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            blocks.add(block(2));
        }
        // every kind at least once, so every seed covers the whole model
        blocks.add(new Block.Heading(2 + random.nextInt(5), phrase(1 + random.nextInt(5))));
        blocks.add(paragraph());
        blocks.add(list(2));
        blocks.add(code());
        blocks.add(new Block.Quote(List.of(paragraph(), list(1))));
        blocks.add(table());
        blocks.add(image());
        Metadata metadata = Metadata.builder().title(random.nextBoolean() ? phrase(4) : null).language("en")
                .byline(phrase(2)).siteName(phrase(2)).description(phrase(8)).published("2024-03-01")
                .canonicalUrl("https://example.org/c/" + random.nextInt(100)).image("https://img.example.org/a.png")
                .favicon("https://example.org/favicon.ico").build();
        return new Document("https://example.org/page", metadata, blocks, null);
    }

    private Block block(int depth) {
        switch (random.nextInt(depth > 0 ? 7 : 6)) {
            case 0:
                return new Block.Heading(1 + random.nextInt(6), phrase(1 + random.nextInt(6)));
            case 1:
            case 2:
                return paragraph();
            case 3:
                return list(2);
            case 4:
                return code();
            case 5:
                return random.nextBoolean() ? table() : image();
            default:
                List<Block> quoted = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    quoted.add(block(depth - 1));
                }
                return new Block.Quote(quoted);
        }
    }

    private Block.Paragraph paragraph() {
        return new Block.Paragraph(inlines(1 + random.nextInt(7)));
    }

    /** Text and styled runs; styled runs never start or end with a space, as the marshaller guarantees. */
    private List<Inline> inlines(int count) {
        List<Inline> inlines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(8);
            if (kind < 3 || (!inlines.isEmpty() && !(inlines.get(inlines.size() - 1) instanceof Inline.Text))
                    && random.nextBoolean()) {
                String text = phrase(1 + random.nextInt(6));
                String before = i == 0 || random.nextInt(4) == 0 ? "" : " ";
                String after = i == count - 1 || random.nextInt(4) == 0 ? "" : " ";
                inlines.add(new Inline.Text(before + text + after));
            } else if (kind == 3) {
                inlines.add(new Inline.Link(phrase(1 + random.nextInt(3)), url()));
            } else if (kind == 4) {
                inlines.add(new Inline.Code(random.nextBoolean() ? phrase(2) : "`" + word() + "``"));
            } else if (kind == 5 || kind == 6) {
                inlines.add(new Inline.Emphasis(phrase(1 + random.nextInt(3))));
            } else {
                inlines.add(new Inline.Strong(phrase(1 + random.nextInt(3))));
            }
        }
        return inlines;
    }

    private Block.ListBlock list(int depth) {
        List<Block.ListItem> items = new ArrayList<>();
        int count = 1 + random.nextInt(random.nextInt(6) == 0 ? 12 : 4);
        for (int i = 0; i < count; i++) {
            List<Block.ListBlock> children = new ArrayList<>();
            if (depth > 0 && random.nextInt(3) == 0) {
                children.add(list(depth - 1));
                if (random.nextInt(3) == 0) {
                    children.add(list(depth - 1));
                }
            }
            items.add(new Block.ListItem(inlines(1 + random.nextInt(4)), children));
        }
        return new Block.ListBlock(random.nextBoolean(), items);
    }

    private Block.CodeBlock code() {
        StringBuilder code = new StringBuilder();
        int lines = 1 + random.nextInt(5);
        for (int i = 0; i < lines; i++) {
            code.append(" ".repeat(random.nextInt(3) * 2)).append(phrase(1 + random.nextInt(6)));
            if (random.nextInt(5) == 0) {
                code.append("\n```\n~~~");
            }
            code.append('\n');
        }
        return new Block.CodeBlock(LANGUAGES[random.nextInt(LANGUAGES.length)], code.toString());
    }

    private Block.Table table() {
        int columns = 1 + random.nextInt(4);
        List<String> header = random.nextInt(4) == 0 ? List.of() : cells(columns);
        List<List<String>> rows = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            rows.add(cells(random.nextInt(5) == 0 ? Math.max(1, columns - 1) : columns));
        }
        return new Block.Table(header, rows);
    }

    private List<String> cells(int columns) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cells.add(phrase(1 + random.nextInt(3)));
        }
        return cells;
    }

    private Block.Image image() {
        return new Block.Image(url() + ".png", random.nextBoolean() ? phrase(3) : "",
                random.nextBoolean() ? phrase(4) : "");
    }

    private String url() {
        String[] tails = {"a", "b(1)", "q?x=1&y=2", "c_d", "e%20f", "g#frag", "h<i>", "j&amp;k", "a\\b"};
        return "https://example.org/" + tails[random.nextInt(tails.length)];
    }

    private String phrase(int words) {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            phrase.append(word());
        }
        return phrase.toString();
    }

    private String word() {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return WORDS[random.nextInt(WORDS.length)];
        }
        if (kind < 8) {
            return WORDS[random.nextInt(5)] + NASTY.charAt(random.nextInt(NASTY.length())) + WORDS[random.nextInt(5)];
        }
        return String.valueOf(NASTY.charAt(random.nextInt(NASTY.length())));
    }
}
