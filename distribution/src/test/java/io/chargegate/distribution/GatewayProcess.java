package io.chargegate.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built distribution's {@code bin/chargegate} run as an operator runs it: a separate process, standard output
 * and error merged and collected line by line, SIGTERM ({@link ProcessHandle#destroy()}) to stop it.
 */
final class GatewayProcess implements AutoCloseable {

    /**
     * Log lines that must never appear in a clean run: errors, exceptions, stack traces, slf4j's own warnings (no
     * provider, NOP fallback, several providers) and Logback status warnings or errors (a bad etc/logback.xml).
     */
    static final Pattern PROBLEM = Pattern.compile("\\bERROR\\b|Exception|\\bSEVERE\\b|^\\s+at [\\w$.]+\\("
            + "|^SLF4J|No SLF4J providers|\\(NOP\\) logger|\\|-(WARN|ERROR) in ");

    /**
     * The first line of a log event written by etc/logback.xml: time (yyyy-MM-dd'T'HH:mm:ss.SSSXXX), space, level,
     * logger, " - ", message. Stack trace lines never match; java.util.logging lines neither (their offset has no
     * colon and is never Z).
     */
    static final Pattern LOG_EVENT = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) (TRACE|DEBUG|INFO|WARN|ERROR) \\S+ - ");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private GatewayProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "chargegate-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The distribution folder built by {@code package} (system property {@code chargegate.dist} from failsafe). */
    static Path distribution() {
        Path dist = Path.of(System.getProperty("chargegate.dist", "target/chargegate"));
        if (!Files.isRegularFile(dist.resolve("bin/chargegate"))) {
            throw new IllegalStateException("no distribution at " + dist.toAbsolutePath() + ": run mvn package first");
        }
        return dist;
    }

    /**
     * Starts {@code bin/chargegate} with the given arguments, this JVM's Java as {@code JAVA_HOME}, the extra JVM
     * options in {@code CHARGEGATE_OPTS}, and the working directory {@code cwd} (the script must not depend on it).
     */
    static GatewayProcess start(Path cwd, String chargegateOpts, String... args) throws IOException {
        return start(distribution().resolve("bin/chargegate"), cwd, chargegateOpts, args);
    }

    /** Like {@link #start(Path, String, String...)} through another path to the script (e.g. a symbolic link). */
    static GatewayProcess start(Path script, Path cwd, String chargegateOpts, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(script.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("CHARGEGATE_OPTS", chargegateOpts);
        env.remove("JAVA_OPTS");
        return new GatewayProcess(pb.start());
    }

    /**
     * Copies the built distribution (file modes included) to {@code to}, for a test that changes its etc/ or
     * deploy/: the shared target/chargegate stays as {@code package} made it.
     */
    static Path copyDistribution(Path to) throws IOException {
        Path from = distribution();
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** A TCP port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void collect() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process went away; what was read stays in lines
        }
    }

    /** The process's standard input (for piped shell commands). */
    OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Sends text to the process's standard input. */
    void type(String text) {
        try {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the process's standard input (end of the pipe). */
    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits up to {@code timeout} for a line matching {@code condition}; true when one came. */
    boolean awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                if (lines.stream().anyMatch(condition)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return lines.stream().anyMatch(condition);
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Waits up to {@code timeout} for a line containing {@code text}. */
    boolean awaitLine(String text, Duration timeout) throws InterruptedException {
        return awaitLine(l -> l.contains(text), timeout);
    }

    /** A copy of the lines read so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines read so far, one string, for failure messages. */
    String output() {
        return String.join("\n", lines());
    }

    /** The lines matching {@link #PROBLEM}. */
    List<String> problems() {
        return lines().stream().filter(l -> PROBLEM.matcher(l).find()).collect(Collectors.toList());
    }

    /** True while the gateway process runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM and waits up to {@code timeout} for the process to end and its output to be read.
     *
     * @return the exit status, or null when the process did not end in time
     */
    Integer terminate(Duration timeout) throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close our end of the output pipe, losing the
        // shutdown log
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /**
     * Waits up to {@code timeout} for the process to end by itself (e.g. after {@code --help}) and its output to be read.
     *
     * @return the exit status, or null when the process did not end in time
     */
    Integer terminateAfterExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Kills the process if it is still running (test clean-up only). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
