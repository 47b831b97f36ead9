package dev.cartage.web;

/**
 * One request value a feature refused while reading its own parameters (the pile's {@code count}, say), answered
 * with 400: the message as the problem's {@code detail} and {@code errors[{field, message}]}, whether it is thrown
 * by a handler or wrapped by Spring in a {@code ServerWebInputException}. A feature's exception extends this so
 * that the problem answers never need to know the feature.
 */
public abstract class FieldRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the value and what to send instead */
    protected FieldRejectedException(String message) {
        super(message);
    }

    /** The request field or parameter at fault, named as in the API. */
    public abstract String field();
}
