package dev.cartage.pipeline;

/** A stage with overflow {@code error} finished an item while its buffer was full: the run fails. */
public final class StageOverflowException extends RuntimeException {

    private final Stage stage;

    public StageOverflowException(Stage stage, int buffer) {
        super("the " + stage.wireName() + " stage's buffer of " + buffer
                + " was full and its overflow policy is 'error'; raise the buffer or choose backpressure");
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }
}
