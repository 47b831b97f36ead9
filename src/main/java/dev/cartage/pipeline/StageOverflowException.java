package dev.cartage.pipeline;

/** A stage with overflow {@code error} finished an item while its staging pile was full: the run fails. */
public final class StageOverflowException extends RuntimeException {

    private final String stage;

    public StageOverflowException(String stage, int buffer) {
        super("the " + stage + " stage's buffer of " + buffer
                + " was full and its overflow policy is 'error'; raise the buffer or choose backpressure");
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
