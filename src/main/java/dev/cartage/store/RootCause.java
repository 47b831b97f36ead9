package dev.cartage.store;

/** The message a person needs from a store failure: its root cause's first line, without the wrapping layers. */
public final class RootCause {

    private RootCause() {
    }

    public static String message(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
