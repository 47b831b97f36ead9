package dev.cartage.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cartage.pipeline.Stage;
import dev.cartage.pipeline.StageSnapshot;

/**
 * The run page's picture of the four stages as the talk draws them (templates/runs/stages.html): per stage a row of
 * gophers, the busy ones filled, and its buffer as a fill bar, with the same numbers for the table beside it. The
 * geometry is worked out here so that the template only prints it.
 *
 * @param stages     the four stages in pipeline order
 * @param bottleneck the stage that holds the others back ({@link Bottleneck}), or null
 * @param summary    the picture in one sentence, its SVG {@code <title>}
 * @param height     the SVG's height in its own units
 */
record StagesView(List<Row> stages, String bottleneck, String summary, int height) {

    /** Gophers drawn per stage at most; more are shown as "+N". */
    static final int MAX_GOPHERS = 16;
    static final int WIDTH = 720;
    private static final int TOP = 8;
    private static final int ROW = 100;
    private static final int GOPHER_STEP = 22;
    private static final int BUFFER_X = 430;
    private static final int BUFFER_WIDTH = 240;

    static StagesView of(List<StageSnapshot> snapshots, Duration elapsed) {
        Optional<Stage> bottleneck = Bottleneck.of(snapshots);
        List<Row> rows = new ArrayList<>(snapshots.size());
        for (int i = 0; i < snapshots.size(); i++) {
            StageSnapshot snapshot = snapshots.get(i);
            rows.add(Row.of(snapshot, TOP + i * ROW, bottleneck.filter(snapshot.stage()::equals).isPresent(), elapsed));
        }
        String name = bottleneck.map(Stage::wireName).orElse(null);
        return new StagesView(rows, name, summary(rows, name), TOP + snapshots.size() * ROW);
    }

    public int width() {
        return WIDTH;
    }

    private static String summary(List<Row> rows, String bottleneck) {
        String stages = rows.stream()
                .map(row -> row.name() + ": " + row.inFlight() + " of " + row.parallelism() + " workers busy, "
                        + row.queued() + " of " + row.buffer() + " buffered")
                .collect(Collectors.joining("; "));
        return "The four stages. " + stages + ". "
                + (bottleneck == null ? "No bottleneck now." : "Bottleneck: " + bottleneck + ".");
    }

    /**
     * One stage: its numbers and where they are drawn.
     *
     * @param bottleneck  whether this stage holds the others back ({@link Bottleneck})
     * @param y           the top of the stage's row
     * @param gophers     the gophers drawn, at most {@link #MAX_GOPHERS}
     * @param moreGophers workers not drawn, shown as "+N"
     * @param bufferFill  the filled width of the buffer bar
     * @param throughput  items completed per second since the run started, formatted
     * @param p50         median work time per item in ms, formatted; "–" before the first finished item
     * @param p95         95th percentile of the same
     */
    record Row(String name, int parallelism, int buffer, long inFlight, long queued, long received, long completed,
               long failed, long dropped, long cancelled, boolean bottleneck, int y, List<Gopher> gophers,
               int moreGophers, int bufferFill, String throughput, String p50, String p95) {

        static Row of(StageSnapshot s, int y, boolean bottleneck, Duration elapsed) {
            int drawn = Math.min(s.parallelism(), MAX_GOPHERS);
            // with more workers than drawn, the filled share stays the busy share
            long busyDrawn = s.parallelism() <= MAX_GOPHERS ? s.inFlight()
                    : (s.inFlight() * drawn + s.parallelism() - 1) / s.parallelism();
            List<Gopher> gophers = new ArrayList<>(drawn);
            for (int g = 0; g < drawn; g++) {
                gophers.add(new Gopher(12 + g * GOPHER_STEP, y + 30, g < busyDrawn));
            }
            int fill = s.buffer() == 0 ? 0 : (int) Math.round(BUFFER_WIDTH * Math.min(1.0, (double) s.queued() / s.buffer()));
            StageSnapshot.Latency latency = s.latency() == null ? StageSnapshot.Latency.NONE : s.latency();
            boolean timed = latency.p50Ms() > 0 || latency.p95Ms() > 0;
            return new Row(s.stage().wireName(), s.parallelism(), s.buffer(), s.inFlight(), s.queued(), s.received(),
                    s.completed(), s.failed(), s.dropped(), s.cancelled(), bottleneck, y, gophers,
                    s.parallelism() - drawn, fill, throughput(s.completed(), elapsed),
                    timed ? millis(latency.p50Ms()) : "–", timed ? millis(latency.p95Ms()) : "–");
        }

        public int gophersEnd() {
            return 12 + gophers.size() * GOPHER_STEP + 4;
        }

        public int bufferX() {
            return BUFFER_X;
        }

        public int bufferWidth() {
            return BUFFER_WIDTH;
        }

        private static String throughput(long completed, Duration elapsed) {
            double seconds = elapsed.toMillis() / 1000.0;
            return seconds <= 0 ? "0.0" : String.format(Locale.ROOT, "%.1f", completed / seconds);
        }

        private static String millis(double ms) {
            return String.format(Locale.ROOT, ms < 10 ? "%.1f" : "%.0f", ms);
        }
    }

    /** One worker drawn at ({@code x}, {@code y}); filled when busy. */
    record Gopher(int x, int y, boolean busy) {
    }
}
