package dev.cartage.fetch.mirror;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;

/**
 * The one failure an item gets when every one of its mirrors failed.
 *
 * <p>The error that says most about the content wins: an origin's own answer (a status, a body too large) over a
 * failure to reach it (connection, timeout), over our own refusal to ask (guard, robots.txt), over anything else;
 * among equals, the address the request named first. Its type and status become the item's. It is retryable when
 * any mirror's failure was (one of them may answer next time), and its message names every mirror's failure, so
 * the user sees them all.
 */
final class MirrorFailures {

    private MirrorFailures() {
    }

    /** {@code errors.get(i)} is what asking {@code urls.get(i)} ended with; null where it was never asked. */
    static ItemException allFailed(List<URI> urls, List<Throwable> errors) {
        int best = -1;
        boolean retryable = false;
        for (int i = 0; i < errors.size(); i++) {
            Throwable error = errors.get(i);
            if (error == null) {
                continue;
            }
            retryable |= retryable(error);
            if (best < 0 || rank(error) > rank(errors.get(best))) {
                best = i;
            }
        }
        if (best < 0) {
            return new ItemException(FailureType.INTERNAL, "no mirror of " + urls.get(0) + " was asked");
        }
        Throwable chosen = errors.get(best);
        FailureType type = chosen instanceof ItemException item ? item.type()
                : chosen instanceof TimeoutException ? FailureType.TIMEOUT : FailureType.INTERNAL;
        Integer status = chosen instanceof ItemException item ? item.httpStatus() : null;
        return new ItemException(type, message(urls, errors, best), status, retryable, chosen);
    }

    private static int rank(Throwable error) {
        if (error instanceof TimeoutException) {
            return 2;
        }
        if (!(error instanceof ItemException item)) {
            return 0;
        }
        return switch (item.type()) {
            case HTTP_STATUS, TOO_LARGE, UNSUPPORTED_TYPE, PARSE -> 3;
            case CONNECTION, TIMEOUT -> 2;
            case BLOCKED, INVALID_URL, ROBOTS -> 1;
            default -> 0;
        };
    }

    private static boolean retryable(Throwable error) {
        return error instanceof TimeoutException || (error instanceof ItemException item && item.retryable());
    }

    private static String message(List<URI> urls, List<Throwable> errors, int best) {
        StringBuilder message = new StringBuilder("all ").append(urls.size()).append(" mirrors failed; ")
                .append(describe(errors.get(best)));
        for (int i = 0; i < errors.size(); i++) {
            if (i != best && errors.get(i) != null) {
                message.append(i == firstOther(errors, best) ? " (also: " : "; ")
                        .append(urls.get(i)).append(": ").append(describe(errors.get(i)));
            }
        }
        if (firstOther(errors, best) >= 0) {
            message.append(')');
        }
        return message.toString();
    }

    private static int firstOther(List<Throwable> errors, int best) {
        for (int i = 0; i < errors.size(); i++) {
            if (i != best && errors.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
