package dev.cartage.store;

import java.util.Locale;
import java.util.Optional;

/** Where a run stands; its wire name is the API's {@code status}. */
public enum RunState {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED,
    /** Its owner stopped (a crash, a restart, a drain that ran out of time): resumable, with the outcomes it had. */
    INTERRUPTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this != RUNNING;
    }

    public static Optional<RunState> of(String wireName) {
        for (RunState state : values()) {
            if (state.wireName().equals(wireName)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
