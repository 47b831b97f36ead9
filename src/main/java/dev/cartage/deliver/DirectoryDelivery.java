package dev.cartage.deliver;

import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.cartage.web.FieldError;
import tools.jackson.databind.JsonNode;

/** Directory delivery (API.md {@code "to": "directory"}): one file per outcome under the configured output root. */
@Component
public class DirectoryDelivery {

    /** The checked directory inside the output root, or null after adding a field error. */
    public Path check(JsonNode path, String field, List<FieldError> errors) {
        errors.add(new FieldError("deliver.to", "'directory' delivery is not offered yet by this version; use store or discard"));
        return null;
    }

    /** The sink of one run that writes its outcomes under {@code directory}. */
    public OutcomeSink open(String runId, Path directory) {
        throw new UnsupportedOperationException("directory delivery is not offered yet");
    }
}
