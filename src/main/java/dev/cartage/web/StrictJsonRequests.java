package dev.cartage.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body that names the same property twice ({@code {"sources": [a], "sources": [b]}}): Jackson
 * would silently keep the last one, and a request that is quietly read otherwise than it was written is worse
 * than a 400 — the same reason unknown fields are refused. Only parsing is affected; the service's own JSON
 * never repeats a property.
 */
@Component
class StrictJsonRequests implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
