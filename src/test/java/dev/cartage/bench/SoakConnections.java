package dev.cartage.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection counts after the soak, from two sides.
 *
 * <p>The service's own view: its Prometheus endpoint, {@code reactor_netty_connection_provider_active_connections}
 * (and {@code idle}) of the fetch pool {@code cartage-fetch}, summed over its per-address sub-pools, and the
 * {@code http_server_requests_seconds_count} of every 5xx answer by URI (the server-side count of 500s).
 *
 * <p>The kernel's view (Linux): the TCP sockets a process holds, found by matching the socket inodes of
 * {@code /proc/<pid>/fd} against {@code /proc/<pid>/net/tcp{,6}}, split by whether the service's port is the local
 * end (accepted by its server) or the remote end (opened by a client towards it).
 */
final class SoakConnections {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final String LISTEN = "0A";

    /** Open TCP sockets of one process: accepted on the service's port, and opened towards it. */
    record Sockets(int accepted, int towardsService) {
    }

    private SoakConnections() {
    }

    /** The Prometheus text of the service, or "" if it did not answer 200. */
    static String prometheus(SoakClient client) {
        SoakClient.Answer answer = client.get("/actuator/prometheus", "actuator").block(Duration.ofSeconds(30));
        return answer != null && answer.status() == 200 ? answer.body() : "";
    }

    /** Sum of the samples of {@code metric} whose labels include every one of {@code labels}; NaN if none. */
    static double sum(String prometheus, String metric, Map<String, String> labels) {
        double sum = 0;
        boolean any = false;
        for (String line : prometheus.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> have = labels(m.group(2));
            if (labels.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())))) {
                sum += Double.parseDouble(m.group(3));
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    /** Server-side 5xx answers, {@code "uri status" -> count}, from {@code http_server_requests_seconds_count}. */
    static Map<String, Long> serverErrors(String prometheus) {
        Map<String, Long> errors = new TreeMap<>();
        for (String line : prometheus.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals("http_server_requests_seconds_count")) {
                continue;
            }
            Map<String, String> labels = labels(m.group(2));
            String status = labels.getOrDefault("status", "");
            if (status.startsWith("5")) {
                errors.merge(labels.get("uri") + " " + status, (long) Double.parseDouble(m.group(3)), Long::sum);
            }
        }
        return errors;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    /** The TCP sockets (any state but LISTEN) process {@code pid} holds to or on {@code port}; null if unreadable. */
    static Sockets sockets(long pid, int port) {
        try {
            Set<String> inodes = socketInodes(pid);
            int accepted = 0;
            int towards = 0;
            for (String table : new String[] {"tcp", "tcp6"}) {
                Path file = Path.of("/proc", Long.toString(pid), "net", table);
                if (!Files.isReadable(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !f[0].endsWith(":") || LISTEN.equals(f[3]) || !inodes.contains(f[9])) {
                        continue;
                    }
                    if (port(f[1]) == port) {
                        accepted++;
                    } else if (port(f[2]) == port) {
                        towards++;
                    }
                }
            }
            return new Sockets(accepted, towards);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.lastIndexOf(':') + 1), 16);
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closed) {
                    // closed while we looked
                }
            }
        }
        return inodes;
    }
}
