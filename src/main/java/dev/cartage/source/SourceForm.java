package dev.cartage.source;

import dev.cartage.web.Fields;
import reactor.core.publisher.Flux;

/**
 * A source form that a package outside {@code source} contributes, such as the demo pile's
 * {@code {"pile": {"count": 100}}}: the package provides a bean, and {@link SourceParser} offers its field name
 * beside the built-in forms. This keeps {@code source} from importing its contributors.
 */
public interface SourceForm {

    /** The form's field in a source object, such as {@code pile}; unique among all forms. */
    String name();

    /**
     * Reads a source object whose form field is {@link #name()}: refuses fields the form does not know, and
     * names every problem at its field. Returns null after rejecting the entry.
     */
    Items read(Fields entry);

    /** What a checked entry of the form expands to: a known number of URLs, each made when it is asked for. */
    interface Items {

        /** How many URLs {@link #urls()} gives. */
        int count();

        /** The URLs, in order; lazy, so that a run that takes a few of many makes only those few. */
        Flux<String> urls();
    }
}
