package io.chargegate.benchmarks;

import io.chargegate.store.DurableQueue;
import io.chargegate.store.StateStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The durable outbound queue as the station runtime uses it: append one transaction message (commit + fsync before
 * the call returns), then remove it once "the CSMS answered" (again durable). One operation = append + remove.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBenchmark {

    private static final String MESSAGE = CodecBenchmark.FRAME;

    private Path dir;
    private StateStore store;
    private DurableQueue queue;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("chargegate-store-bench");
        store = StateStore.open(dir.resolve("bench.mv"));
        queue = store.queue("outbound");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One durable append followed by one durable remove of that entry. */
    @Benchmark
    public boolean appendThenConfirm() {
        long seq = queue.append(MESSAGE);
        return queue.remove(seq);
    }
}
