package dev.cartage.marshal;

import dev.cartage.pipeline.FailureType;
import dev.cartage.pipeline.ItemException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Fails one item in the marshal stage: its content is too large, of a type the marshaller does not read, or
 * holds nothing that could be extracted. The engine records it as the item's failure; the run goes on.
 *
 * <p>Marshaling is deterministic, so these failures are never worth retrying.
 */
public final class MarshalException extends ItemException {

    private static final Set<FailureType> TYPES =
            EnumSet.of(FailureType.TOO_LARGE, FailureType.UNSUPPORTED_TYPE, FailureType.PARSE);

    /**
     * @param type    {@link FailureType#TOO_LARGE}, {@link FailureType#UNSUPPORTED_TYPE} or {@link FailureType#PARSE}
     * @param message what went wrong and, where possible, what the user can do about it
     */
    public MarshalException(FailureType type, String message) {
        this(type, message, null);
    }

    /**
     * @param type    {@link FailureType#TOO_LARGE}, {@link FailureType#UNSUPPORTED_TYPE} or {@link FailureType#PARSE}
     * @param message what went wrong and, where possible, what the user can do about it
     * @param cause   the underlying error, or null
     */
    public MarshalException(FailureType type, String message, Throwable cause) {
        super(checked(type), message, null, false, cause);
    }

    private static FailureType checked(FailureType type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("a marshal failure is one of " + TYPES + ", not " + type);
        }
        return type;
    }
}
