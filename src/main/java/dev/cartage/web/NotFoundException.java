package dev.cartage.web;

/** Something the request names does not exist (or no longer does); answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
