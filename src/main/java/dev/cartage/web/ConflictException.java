package dev.cartage.web;

/** The request is valid but the resource's state does not allow it now (a run that has ended); answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
