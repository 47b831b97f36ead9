package dev.cartage.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Native Memory Tracking of the service ({@code -XX:NativeMemoryTracking=summary}), for telling what grew when its
 * resident set grows: a baseline when the load starts ({@code jcmd <pid> VM.native_memory baseline}) and, at the
 * end, the committed memory of every area that changed ({@code VM.native_memory summary.diff}).
 */
final class SoakNmt {

    /** An area's line of the diff, such as {@code -  Java Heap (reserved=…, committed=…KB +…KB)}. */
    private static final Pattern AREA = Pattern.compile("^-\\s+\\S.*\\(reserved=.*committed=\\d+MB [+-]\\d+MB.*");

    private final long pid;

    private SoakNmt(long pid) {
        this.pid = pid;
    }

    static SoakNmt baseline(long pid) {
        SoakNmt nmt = new SoakNmt(pid);
        nmt.jcmd("VM.native_memory", "baseline");
        return nmt;
    }

    /** The total and every area whose committed size changed since the baseline, one per line. */
    String diff() {
        String diff = jcmd("VM.native_memory", "summary.diff", "scale=MB");
        return diff.lines()
                .filter(line -> line.startsWith("Total:") || AREA.matcher(line).matches())
                .map(line -> "  " + line.trim())
                .collect(Collectors.joining("\n"));
    }

    private String jcmd(String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String[] argv = new String[command.length + 2];
        argv[0] = jcmd.toString();
        argv[1] = Long.toString(pid);
        System.arraycopy(command, 0, argv, 2, command.length);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return output;
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
