package dev.cartage.run;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.cartage.deliver.Outcome;
import dev.cartage.source.SourceExpander;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/pipeline} (docs/api.md): a run tied to the request, whose response stream is its sink. Outcomes are
 * written as NDJSON lines, or as SSE {@code outcome} events for {@code Accept: text/event-stream}, as they are
 * delivered; the response is only written as fast as the client reads it, and that slows the whole pipeline down
 * to the sources. The run's id is in {@code X-Run-Id}, and the run is listed by {@code GET /api/runs}.
 */
@RestController
class PipelineController {

    static final String RUN_ID_HEADER = "X-Run-Id";
    private static final String PATH = "/api/pipeline";

    private final RunService runs;
    private final PipelineRequestReader requests;
    private final NdjsonSources lines;
    private final SourceExpander expander;
    private final ObjectMapper json;
    private final PipelineProperties transit;

    PipelineController(RunService runs, PipelineRequestReader requests, NdjsonSources lines, SourceExpander expander,
                       ObjectMapper json, PipelineProperties transit) {
        this.json = json;
        this.transit = transit;
        this.runs = runs;
        this.requests = requests;
        this.lines = lines;
        this.expander = expander;
    }

    /** A JSON run request; its outcomes stream back. */
    @Operation(summary = "Run a JSON run request tied to this request; its outcomes stream back as they are delivered")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
    Mono<ResponseEntity<Flux<DataBuffer>>> runRequest(@RequestBody JsonNode body, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            RunPlan plan = requests.readBody(body, exchange.getRequest().getQueryParams());
            return answer(runs.stream(plan, expander.expand(plan.sources())), exchange);
        });
    }

    /** Sources one per line, read as the pipeline takes them; the settings come from the query string. */
    @Operation(summary = "Run sources given one per line (NDJSON), with format, ordered and {stage}.{setting} as "
            + "query parameters; the outcomes stream back as they are delivered",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    description = "one source per line, in any source form: \"https://…\" or {\"pile\": {\"count\": 10}}",
                    content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(type = "string"))))
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_NDJSON_VALUE,
            produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
    Mono<ResponseEntity<Flux<DataBuffer>>> sourceLines(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            RunPlan plan = requests.readQuery(exchange.getRequest().getQueryParams());
            return answer(runs.stream(plan, expander.expandStream(lines.read(exchange.getRequest().getBody()))),
                    exchange);
        });
    }

    /**
     * The streamed answer, one flushed write per outcome. Its status and headers (with {@code X-Run-Id}) leave at
     * once, before the first outcome, which may be long in coming: SSE starts with a comment naming the run, NDJSON
     * with an empty write. The lines are encoded here, not by a codec, because the empty first write and the SSE
     * frames are byte-level choices.
     */
    private ResponseEntity<Flux<DataBuffer>> answer(RunService.StreamedRun run, ServerWebExchange exchange) {
        boundTransit(exchange);
        DataBufferFactory buffers = exchange.getResponse().bufferFactory();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(RUN_ID_HEADER, run.id());
        if (wantsEvents(exchange.getRequest().getHeaders().getAccept())) {
            return response.contentType(MediaType.TEXT_EVENT_STREAM).body(run.outcomes()
                    .map(outcome -> text(buffers, "event:outcome\nid:" + outcome.seq() + "\ndata:", json(outcome), "\n\n"))
                    .concatWith(run.interrupted().map(why -> text(buffers, "event:stopping\ndata:",
                            stopping(run.id(), why), "\n\n")))
                    .startWith(text(buffers, ":run " + run.id() + "\n\n")));
        }
        return response.contentType(MediaType.APPLICATION_NDJSON).body(run.outcomes()
                .map(outcome -> text(buffers, json(outcome), "\n"))
                .concatWith(run.interrupted().map(why -> text(buffers, stopping(run.id(), why), "\n")))
                .startWith(buffers.allocateBuffer(0)));
    }

    /**
     * Caps the bytes in transit on this response's connection (see {@link PipelineProperties}); without a cap the
     * kernel's send buffer grows with the connection and the pipeline runs hundreds of outcomes ahead of a slow
     * reader. Only a Reactor Netty connection can be reached; other servers keep their own buffers.
     */
    private void boundTransit(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (request instanceof Connection connection) {
            ChannelConfig config = connection.channel().config();
            config.setOption(ChannelOption.SO_SNDBUF, (int) transit.sendBuffer().toBytes());
            int high = (int) transit.writeBuffer().toBytes();
            config.setWriteBufferWaterMark(new WriteBufferWaterMark(high / 2, high));
        }
    }

    /**
     * The last event of a run the service stopped because it was stopping (docs/api.md): not an outcome, so it has no
     * {@code seq}; it names the run and says why its outcomes end early.
     */
    private String stopping(String runId, String why) {
        return json.writeValueAsString(new Stopping(runId, "interrupted", why));
    }

    /**
     * @param runId  the run
     * @param status always {@code interrupted}
     * @param detail why, and what to do
     */
    record Stopping(String runId, String status, String detail) {
    }

    /** The outcome as one line of JSON: Jackson escapes line breaks inside strings, so it never spans lines. */
    private String json(Outcome outcome) {
        return json.writeValueAsString(outcome);
    }

    private static DataBuffer text(DataBufferFactory buffers, String... parts) {
        byte[] bytes = String.join("", parts).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = buffers.allocateBuffer(bytes.length);
        buffer.write(bytes);
        return buffer;
    }

    /** SSE only when asked for it before NDJSON; NDJSON is the default, also for {@code *}{@code /*}. */
    private static boolean wantsEvents(List<MediaType> accept) {
        List<MediaType> sorted = new java.util.ArrayList<>(accept);
        sorted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : sorted) {
            if (type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType()) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_NDJSON)) {
                return false;
            }
        }
        return false;
    }
}
