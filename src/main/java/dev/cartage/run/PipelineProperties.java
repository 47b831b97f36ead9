package dev.cartage.run;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much a {@code POST /api/pipeline} response may hold between the deliver stage and the client.
 *
 * <p>A slow reader must slow the pipeline down, so the bytes in transit have to be bounded: the kernel would
 * otherwise grow the socket's send buffer up to megabytes (hundreds of outcomes the client has not read, all
 * fetched ahead of it). These two caps apply to the connection of a pipeline response only; they bound what is in
 * transit, and so also the throughput of one response: about {@code send-buffer} bytes per round trip.
 *
 * @param sendBuffer    the socket send buffer asked of the kernel for the response's connection (Linux doubles
 *                      it for its bookkeeping). Default 16KB
 * @param writeBuffer   bytes Netty queues for the connection before it stops taking outcomes. Default 32KB
 */
@Validated
@ConfigurationProperties("cartage.pipeline")
public record PipelineProperties(
        @DefaultValue("16KB") @NotNull DataSize sendBuffer,
        @DefaultValue("32KB") @NotNull DataSize writeBuffer) {
}
