package dev.cartage.marshal;

import dev.cartage.marshal.meta.ReadDeadline;
import dev.cartage.pipeline.FailureType;

import java.time.Duration;

/**
 * The time one item may spend being marshaled, so that a pathological page (hundreds of thousands of nested
 * elements, tiny paragraphs or table cells) fails with {@code too-large} instead of stalling the stage.
 *
 * <p>CPU work cannot be interrupted from outside, so the work checks the deadline itself: {@link #checkNow()}
 * between phases and {@link #check()} inside loops over nodes. {@code check()} reads the clock only every
 * {@value #CALLS_PER_CLOCK_READ} calls, so calling it once per node costs next to nothing.
 *
 * <p>Code that cannot be handed a deadline as a parameter (a static tree walker) may call
 * {@link #checkCurrent()}, which checks the deadline {@linkplain #bind() bound} to the calling thread, if any.
 * Marshaling is synchronous on one thread, so the binding is scoped to one call and never leaks into another item.
 *
 * <p>An instance belongs to one item on one thread; it is not thread-safe.
 */
public final class MarshalDeadline implements ReadDeadline {

    /** How many {@link #check()} calls share one clock read; a power of two. */
    static final int CALLS_PER_CLOCK_READ = 256;

    private static final ThreadLocal<MarshalDeadline> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final Duration budget;
    private int calls;

    private MarshalDeadline(Duration budget) {
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    /**
     * Starts the clock for one item.
     *
     * @param budget how long marshaling the item may take; must be positive
     */
    public static MarshalDeadline after(Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a marshal deadline needs a positive budget, was " + budget);
        }
        return new MarshalDeadline(budget);
    }

    /** Checks the clock every {@value #CALLS_PER_CLOCK_READ} calls; call it once per node in a loop. */
    @Override
    public void check() {
        if ((++calls & (CALLS_PER_CLOCK_READ - 1)) == 0) {
            checkNow();
        }
    }

    /**
     * Checks the clock now; call it between phases.
     *
     * @throws MarshalException {@link FailureType#TOO_LARGE} once the budget is spent
     */
    @Override
    public void checkNow() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new MarshalException(FailureType.TOO_LARGE, "Marshaling took longer than " + budget.toMillis()
                    + " ms; the page is too complex to read in time (raise cartage.marshal.max-parse-time to allow"
                    + " more)");
        }
    }

    /**
     * Binds this deadline to the calling thread until the returned scope is closed, for {@link #checkCurrent()}.
     * Use it with try-with-resources around synchronous work only.
     */
    public Scope bind() {
        MarshalDeadline previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** {@link #check()} on the deadline bound to the calling thread; does nothing when none is bound. */
    public static void checkCurrent() {
        MarshalDeadline current = CURRENT.get();
        if (current != null) {
            current.check();
        }
    }

    /** The binding made by {@link #bind()}; closing it restores the thread's previous binding. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
