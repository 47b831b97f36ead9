package dev.cartage.run;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.cartage.pipeline.Overflow;
import dev.cartage.pipeline.StageSettings;

/**
 * The settings one stage gets when a run request does not name them.
 *
 * @param parallelism items worked on at once; 0 means the number of CPU cores
 * @param buffer      finished items that may wait for the next stage; 0 hands each item over directly
 * @param overflow    what happens when finished items outrun the buffer: backpressure, drop-oldest, drop-newest, error
 * @param timeout     per attempt
 * @param retries     extra attempts for failures worth retrying
 */
public record StageDefaults(@Min(0) @Max(1024) int parallelism, @Min(0) @Max(65536) int buffer,
                            @NotNull Overflow overflow, @NotNull Duration timeout, @Min(0) @Max(10) int retries) {

    StageSettings toSettings() {
        int gophers = parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
        return new StageSettings(gophers, buffer, overflow, timeout, retries);
    }
}
