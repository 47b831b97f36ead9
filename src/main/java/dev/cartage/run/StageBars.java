package dev.cartage.run;

import java.util.List;
import java.util.Locale;

import dev.cartage.deliver.Outcome;
import dev.cartage.pipeline.Stage;

/**
 * An item's stage timings as bars, one per stage in pipeline order, each as long as its share of the slowest
 * stage. The lengths are computed here and written as SVG presentation attributes, because the pages' policy
 * allows no inline style.
 */
final class StageBars {

    /** The width in SVG user units of the slowest stage's bar. */
    static final int FULL = 240;

    /**
     * @param stage  the stage's wire name, {@code fetch} … {@code deliver}
     * @param millis the time the item spent in it
     * @param width  the bar's width, 0 … {@link #FULL}; at least 1 when any time was spent
     */
    record Bar(String stage, double millis, int width) {

        /** The time as people read it, such as {@code 12.345 ms}. */
        public String label() {
            return String.format(Locale.ROOT, "%.3f ms", millis);
        }
    }

    private StageBars() {
    }

    static List<Bar> of(Outcome.Timings timings) {
        double[] millis = {timings.fetchMs(), timings.marshalMs(), timings.renderMs(), timings.deliverMs()};
        String[] stages = {Stage.FETCH.wireName(), Stage.MARSHAL.wireName(), Stage.RENDER.wireName(),
                Stage.DELIVER.wireName()};
        double slowest = 0;
        for (double each : millis) {
            slowest = Math.max(slowest, each);
        }
        Bar[] bars = new Bar[stages.length];
        for (int i = 0; i < stages.length; i++) {
            bars[i] = new Bar(stages[i], millis[i], width(millis[i], slowest));
        }
        return List.of(bars);
    }

    private static int width(double millis, double slowest) {
        if (millis <= 0 || slowest <= 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round(FULL * millis / slowest));
    }
}
