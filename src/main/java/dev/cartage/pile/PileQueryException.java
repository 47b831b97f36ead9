package dev.cartage.pile;

import dev.cartage.web.FieldRejectedException;

/**
 * A pile parameter that is malformed or outside its limits; the message says what to send instead.
 */
public class PileQueryException extends FieldRejectedException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rejectedValue;

    public PileQueryException(String field, Object rejectedValue, String message) {
        super(message);
        this.field = field;
        this.rejectedValue = String.valueOf(rejectedValue);
    }

    /** The parameter at fault, named as in the API: {@code count}, {@code latency}, {@code failEvery} or {@code n}. */
    @Override
    public String field() {
        return field;
    }

    /** The value that was refused, as text. */
    public String rejectedValue() {
        return rejectedValue;
    }
}
