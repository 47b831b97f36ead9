package dev.cartage.marshal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marshaled document holds no parser state: walking its object graph (record components, collections, maps;
 * JSON trees are Jackson's own and skipped) finds no jsoup or commonmark object, so the DOM can be collected as
 * soon as marshal returns.
 */
class DomNotRetainedTest {

    private static final String PAGE = """
            <html lang=en><head><title>T</title>
              <meta property=og:image content=/i.png><meta name=twitter:card content=summary>
              <script type=application/ld+json>{"@type": "Article", "author": {"name": "A"}}</script></head>
            <body><article><h1>T</h1><p>Text <a href=/x>link</a> <em>em</em> <code>c</code></p>
              <ul><li>a<ul><li>b</li></ul></li></ul><pre><code class=language-java>x</code></pre>
              <blockquote><p>q</p></blockquote><table><tr><th>h</th></tr><tr><td>d</td></tr></table>
              <figure><img src=/p.png alt=p><figcaption>cap</figcaption></figure></article></body></html>""";

    private final Marshallers marshallers = new Marshallers(1 << 20, Duration.ofSeconds(5));

    @Test
    void noParserObjectIsReachableFromAMarshaledDocument() throws Exception {
        List<Document> documents = List.of(
                marshal(PAGE, "text/html"),
                marshal("# T\n\n- a\n  - b\n\n| h |\n|---|\n| d |\n\n![p](/p.png)\n\n> q [l](/x)", "text/markdown"),
                marshal("Title\n\ntext", "text/plain"),
                marshal("{\"title\": \"T\", \"a\": [1]}", "application/json"));

        for (Document document : documents) {
            List<Object> reached = reachable(document);

            assertThat(reached).hasSizeGreaterThan(10);
            assertThat(reached).noneMatch(object -> object.getClass().getName().startsWith("org.jsoup")
                    || object.getClass().getName().startsWith("org.commonmark"));
        }
    }

    private static List<Object> reachable(Object root) throws Exception {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>(List.of(root));
        List<Object> reached = new ArrayList<>();
        while (!todo.isEmpty()) {
            Object object = todo.pop();
            if (seen.put(object, true) != null) {
                continue;
            }
            reached.add(object);
            if (object instanceof JsonNode) {
                continue;
            }
            if (object.getClass().isRecord()) {
                for (RecordComponent component : object.getClass().getRecordComponents()) {
                    push(todo, component.getAccessor().invoke(object));
                }
            } else if (object instanceof Collection<?> collection) {
                collection.forEach(element -> push(todo, element));
            } else if (object instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    push(todo, key);
                    push(todo, value);
                });
            } else {
                assertThat(object).as("a leaf of the document").isInstanceOfAny(String.class, Number.class, Boolean.class);
            }
        }
        return reached;
    }

    private static void push(Deque<Object> todo, Object object) {
        if (object != null) {
            todo.push(object);
        }
    }

    private Document marshal(String body, String type) {
        return marshallers.marshal(body.getBytes(StandardCharsets.UTF_8), type, "https://a.example.org/doc");
    }
}
