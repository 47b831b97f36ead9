package dev.cartage.source;

import java.net.URI;

import dev.cartage.pipeline.ItemException;
import dev.cartage.web.Fields;

/** The one kind of field only sources have: an address to fetch. */
final class SourceFields {

    private SourceFields() {
    }

    /** An absolute http(s) URL given as a JSON string; null after rejecting it. */
    static URI url(Fields field) {
        if (field.value() == null || !field.value().isString()) {
            field.reject("must be an absolute http(s) URL given as a string");
            return null;
        }
        try {
            return HttpUrls.parse(field.value().stringValue());
        } catch (ItemException e) {
            field.reject(e.getMessage());
            return null;
        }
    }
}
