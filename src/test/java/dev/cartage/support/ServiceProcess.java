package dev.cartage.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Cartage service running in its own JVM, started from the test JVM with the test classpath: for tests that need
 * real processes (several services, SIGTERM and SIGKILL, restarts), which one Spring test context cannot give.
 *
 * <pre>{@code
 * try (ServiceProcess service = ServiceProcess.builder().name("a").property("cartage.store", "memory").start()) {
 *     ... service.baseUrl() ...
 * }
 * }</pre>
 *
 * <p>The process's stdout and stderr go to {@code target/service-logs/<name>-<pid>.log}; {@link #log()} reads it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "dev.cartage.CartageApplication";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Path LOG_DIR = Path.of("target", "service-logs");

    /** Every child still running; the shutdown hook kills them, so a failed or aborted test leaves none behind. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> LIVE.forEach(Process::destroyForcibly), "service-process-reaper"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path logFile;

    private ServiceProcess(String name, Process process, int port, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to start one service: its name (for the log file), its {@code --key=value} arguments, its JVM options. */
    public static final class Builder {

        private String name = "service";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A Spring property, passed as the program argument {@code --key=value} (the highest precedence). */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** An extra JVM option, such as {@code -Dreactor.netty.native=false}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Starts the process and returns once {@code /actuator/health/liveness} answers 200. */
        public ServiceProcess start() {
            int port = properties.containsKey("server.port")
                    ? Integer.parseInt(properties.get("server.port")) : freePort();
            List<String> command = new ArrayList<>();
            command.add(javaCommand());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classpath());
            command.add(MAIN_CLASS);
            command.add("--server.port=" + port);
            properties.forEach((key, value) -> {
                if (!key.equals("server.port")) {
                    command.add("--" + key + "=" + value);
                }
            });
            try {
                Files.createDirectories(LOG_DIR);
                // the pid names the file, and is known only once the process runs: write to a temporary name first
                Path starting = Files.createTempFile(LOG_DIR, name + "-", ".starting.log");
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(starting.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                LIVE.add(process);
                process.onExit().thenRun(() -> LIVE.remove(process));
                // renaming keeps the open file: the child goes on writing to the same inode. A file of an earlier
                // build whose process had the same pid is replaced.
                Path logFile = LOG_DIR.resolve(name + "-" + process.pid() + ".log");
                ServiceProcess service = new ServiceProcess(name, process, port, starting);
                try {
                    Files.move(starting, logFile, StandardCopyOption.REPLACE_EXISTING);
                    service = new ServiceProcess(name, process, port, logFile);
                    service.awaitStatus("/actuator/health/liveness", 200, START_TIMEOUT);
                } catch (IOException | RuntimeException | Error e) {
                    service.kill();
                    throw e;
                }
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers 200 (the service takes traffic). */
    public void awaitReady(Duration timeout) {
        awaitStatus("/actuator/health/readiness", 200, timeout);
    }

    /**
     * Waits until {@code /actuator/health/readiness} answers 503: the application published
     * {@code REFUSING_TRAFFIC} while still serving. (On SIGTERM the server stops accepting connections at once, so a
     * stopping service mostly answers nothing at all rather than 503.)
     */
    public void awaitNotReady(Duration timeout) {
        awaitStatus("/actuator/health/readiness", 503, timeout);
    }

    /** Polls {@code path} every 200 ms until it answers {@code status}; fails with the log's tail if the process dies. */
    private void awaitStatus(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2))
                .GET().build();
        int last = -1;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " (pid " + pid() + ") exited with " + process.exitValue()
                        + " while waiting for " + path + " to answer " + status + "; last lines of " + logFile
                        + ":\n" + tail(60));
            }
            try {
                last = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == status) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // connection refused or reset: the server is not up (or no longer up)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + path, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " (pid " + pid() + "): " + path + " did not answer " + status
                        + " within " + timeout + " (last answer " + last + "); last lines of " + logFile + ":\n"
                        + tail(60));
            }
            try {
                process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS); // returns early if the process exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + path, e);
            }
        }
    }

    /** Such as {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process wrote so far, stdout and stderr interleaved. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean logContains(String text) {
        return log().contains(text);
    }

    private String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * SIGKILL (what {@link Process#destroyForcibly()} sends on Linux) and waits for the exit: a crash, no shutdown
     * hook runs. Returns the exit code, 137 (128 + 9) unless the process had already ended.
     */
    public int kill() {
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to die", e);
        }
    }

    /**
     * SIGTERM (what {@link Process#destroy()} sends on Linux): Boot's graceful shutdown. Returns the exit code, 143
     * (128 + 15: the JVM ends by the signal, Boot does not call {@code System.exit}), or fails (and kills the
     * process) if it has not exited within {@code timeout}.
     */
    public int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " (pid " + pid() + ") did not exit within " + timeout
                        + " of SIGTERM; killed it. Last lines of " + logFile + ":\n" + tail(60));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to stop", e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + baseUrl() + ")";
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; the real classpath is in {@code surefire.test.class.path}. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** A port that was free a moment ago; another process may take it first, a rare race the tests accept. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
