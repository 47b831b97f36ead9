package dev.cartage.source;

import java.util.List;

import reactor.core.publisher.Flux;

/** A contributed source form's items as a fixed list, so that the expander is tested without any contributor. */
record ListedItems(List<String> list) implements SourceForm.Items {

    static SourceSpec spec(String... urls) {
        return new SourceSpec.Contributed("listed", new ListedItems(List.of(urls)));
    }

    @Override
    public int count() {
        return list.size();
    }

    @Override
    public Flux<String> urls() {
        return Flux.fromIterable(list);
    }
}
