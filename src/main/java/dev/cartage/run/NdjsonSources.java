package dev.cartage.run;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.stereotype.Component;

import dev.cartage.source.SourceParser;
import dev.cartage.source.SourceSpec;
import dev.cartage.source.StreamedSource;
import dev.cartage.web.FieldError;
import dev.cartage.web.Fields;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the sources of an NDJSON body ({@code POST /api/pipeline}), one per line, as they arrive: each line is a
 * JSON string or object in any source form of docs/api.md. Lines are read only as fast as the pipeline takes them.
 *
 * <p>A line that is not a valid source is not a reason to drop the stream: it becomes a refused line (one failed
 * item naming the line and what was wrong), because the answer has usually started by the time it arrives. A line
 * longer than {@code cartage.limits.max-line-size} ends the body there, also reported as a refused line: the
 * decoder cannot find the next line's start without holding the over-long one.
 */
@Component
class NdjsonSources {

    private final SourceParser sources;
    private final ObjectMapper json;
    private final int maxLineBytes;

    NdjsonSources(SourceParser sources, ObjectMapper json, RunLimits limits) {
        this.sources = sources;
        this.json = json;
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE, limits.maxLineSize().toBytes());
    }

    Flux<StreamedSource> read(Flux<DataBuffer> body) {
        StringDecoder lines = StringDecoder.textPlainOnly(List.of("\n"), true);
        lines.setMaxInMemorySize(maxLineBytes);
        long[] lineNumber = {0};
        return lines.decode(body, ResolvableType.forClass(String.class), null, Map.of())
                .map(line -> new NumberedLine(++lineNumber[0], line.strip()))
                .filter(line -> !line.text().isEmpty())
                .map(this::source)
                .onErrorResume(DataBufferLimitException.class, tooLong -> Flux.just(StreamedSource.refused(
                        lineNumber[0] + 1, "line " + (lineNumber[0] + 1), "longer than " + maxLineBytes
                                + " bytes (cartage.limits.max-line-size); the rest of the body was not read")));
    }

    private StreamedSource source(NumberedLine line) {
        JsonNode node;
        try {
            node = json.readTree(line.text());
        } catch (JacksonException e) {
            return StreamedSource.refused(line.number(), line.text(), "not JSON (" + e.getOriginalMessage()
                    + "); each line is one source: a quoted URL such as \"https://example.org/a\" or an object such as"
                    + " {\"pile\": {\"count\": 10}}");
        }
        Fields entry = Fields.named("line " + line.number(), node);
        SourceSpec spec = sources.parseOne(entry);
        if (spec == null || !entry.errors().isEmpty()) {
            return StreamedSource.refused(line.number(), line.text(),
                    entry.errors().stream().map(FieldError::message).collect(Collectors.joining("; ")));
        }
        return StreamedSource.accepted(line.number(), spec);
    }

    private record NumberedLine(long number, String text) {
    }
}
