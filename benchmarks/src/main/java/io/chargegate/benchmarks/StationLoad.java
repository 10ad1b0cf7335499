package io.chargegate.benchmarks;

import io.chargegate.hardware.api.DriverProperties;
import io.chargegate.ocpp.model.types.ChargePointStatus;
import io.chargegate.ocpp.model.types.RegistrationStatus;
import io.chargegate.ocpp.transport.jetty.JettyOcppConnector;
import io.chargegate.station.api.ConnectorState;
import io.chargegate.station.api.StationStatus;
import io.chargegate.station.internal.LoadTestWiring;
import io.chargegate.station.internal.StationExecutor;
import io.chargegate.station.internal.StationRuntime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Load driver (not a JMH benchmark, not run by the build): N station runtimes in this JVM, built as
 * {@code StationComponent} builds them (one shared {@link StationExecutor}, one {@link JettyOcppConnector}, one MVStore
 * file per station in a temp folder), each with a {@link LoadCharger}, against the demo central system in a child
 * JVM ({@link LoadCsms}). It measures the time until every station is Accepted and Available, heap after GC, live
 * threads and open file descriptors, CPU while idle, then a burst (every station plugs in, presents its idTag,
 * charges with MeterValues, stops) with the start latency (idTag presented here to StartTransaction received by the
 * CSMS) and the exactly-once check of every StartTransaction and StopTransaction.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.chargegate.benchmarks.StationLoad --stations 100
 *      [--heartbeat 30] [--idle 60] [--meter-interval 10] [--charge 35] [--wiring own|whiteboard]
 *      [--phase-timeout 600] [--csms-heap 1g] [--linger 0]
 * </pre>
 *
 * {@code --wiring own} (default) gives every station only its own drivers; {@code whiteboard} binds every driver of
 * every station to every station, in registration order, as Declarative Services does (the station component's
 * driver references have no target filter; its sets keep only the station's own drivers, as these bindings do).
 */
public final class StationLoad {
    private static final String ID_FORMAT = "LOAD-%05d";

    private final int n;
    private final int heartbeat;
    private final int idleSeconds;
    private final int meterInterval;
    private final int chargeSeconds;
    private final boolean whiteboard;
    private final long phaseTimeoutMs;
    private final String csmsHeap;
    private final int lingerSeconds;
    private final List<String> report = new ArrayList<>();
    private boolean failed;

    private StationLoad(Map<String, String> opts) {
        n = Integer.parseInt(required(opts, "stations"));
        heartbeat = Integer.parseInt(opts.getOrDefault("heartbeat", "30"));
        idleSeconds = Integer.parseInt(opts.getOrDefault("idle", "60"));
        meterInterval = Integer.parseInt(opts.getOrDefault("meter-interval", "10"));
        chargeSeconds = Integer.parseInt(opts.getOrDefault("charge", "35"));
        String wiring = opts.getOrDefault("wiring", "own");
        if (!wiring.equals("own") && !wiring.equals("whiteboard")) {
            throw new IllegalArgumentException("--wiring must be own or whiteboard");
        }
        whiteboard = wiring.equals("whiteboard");
        phaseTimeoutMs = Long.parseLong(opts.getOrDefault("phase-timeout", "600")) * 1000;
        csmsHeap = opts.getOrDefault("csms-heap", "1g");
        lingerSeconds = Integer.parseInt(opts.getOrDefault("linger", "0"));
    }

    /** Runs the load test; see the class comment for the options. Exit code 1 when a check failed. */
    public static void main(String[] args) throws Exception {
        // before any logger exists: the runtime logs every boot and transaction at INFO
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: StationLoad --stations N [--heartbeat 30] [--idle 60] "
                        + "[--meter-interval 10] [--charge 35] [--wiring own|whiteboard] [--phase-timeout 600] [--csms-heap 1g] [--linger 0]");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        StationLoad load = new StationLoad(opts);
        load.run();
        System.exit(load.failed ? 1 : 0);
    }

    private static String required(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    // =====================================================================================================

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("stationload-");
        result("machine", Runtime.getRuntime().availableProcessors() + " processors, Java " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, load average " + loadAverage());
        result("setup", n + " stations, wiring " + (whiteboard ? "whiteboard" : "own") + ", heartbeat " + heartbeat
                + " s, MeterValueSampleInterval " + meterInterval + " s, store " + dir);
        Csms csms = Csms.start(heartbeat, csmsHeap);
        JettyOcppConnector connector = new JettyOcppConnector();
        StationExecutor executor = new StationExecutor();
        StationRuntime[] stations = new StationRuntime[n];
        LoadCharger[] chargers = new LoadCharger[n];
        try {
            Snapshot base = snapshot();
            result("baseline", base.describe());
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            startStations(stations, chargers, dir, connector, executor, csms.port);
            long started = System.nanoTime();
            result("start() of all stations returned after", ms(started - t0) + " ms (CPU " + ms(cpuNanos() - cpu0) + " ms)");
            boolean ready = await("all Accepted and Available", stations, st -> st.connected()
                    && st.registration() == RegistrationStatus.ACCEPTED
                    && st.connectors().stream().allMatch(c -> c.status() == ChargePointStatus.AVAILABLE));
            long readyAt = System.nanoTime();
            if (ready) {
                result("all Accepted and Available (station side) after", ms(readyAt - t0) + " ms (CPU "
                        + ms(cpuNanos() - cpu0) + " ms)");
            }
            Dump bootDump = csms.dump();
            checkBoot(bootDump, stations);

            Snapshot loaded = snapshot();
            result("after boot", loaded.describe());
            result("heap per station", String.format("%.1f KiB", (loaded.heapUsed - base.heapUsed) / 1024.0 / n));
            result("threads", loaded.threads + " live (baseline " + base.threads + "): " + loaded.threadGroups);
            result("file descriptors", loaded.fds + " open (baseline " + base.fds + ")");

            // ---- idle
            long idleCpu0 = cpuNanos();
            long csmsCpu0 = csms.cpu();
            long idleStart = epochMicros();
            Thread.sleep(idleSeconds * 1000L);
            long idleCpu = cpuNanos() - idleCpu0;
            long csmsIdleCpu = csms.cpu() - csmsCpu0;
            long idleEnd = epochMicros();
            Dump idleDump = csms.dump();
            long heartbeats = idleDump.messages.stream().filter(m -> m.action.equals("Heartbeat")
                    && m.at >= idleStart && m.at < idleEnd).count();
            result("idle " + idleSeconds + " s", String.format("gateway CPU %d ms = %.2f %% of one core (%.3f ms per station);"
                            + " CSMS process CPU %d ms; %d Heartbeats received (expected about %d); load average %s",
                    ms(idleCpu), 100.0 * idleCpu / (idleSeconds * 1e9), idleCpu / 1e6 / n, ms(csmsIdleCpu), heartbeats,
                    (long) n * idleSeconds / heartbeat, loadAverage()));
            Snapshot idle = snapshot();
            result("after idle", idle.describe());

            // ---- burst
            burst(stations, chargers, csms);
            Snapshot end = snapshot();
            result("after burst", end.describe());
            if (lingerSeconds > 0) {
                System.err.println("lingering " + lingerSeconds + " s before stopping (pid " + ProcessHandle.current().pid() + ")");
                Thread.sleep(lingerSeconds * 1000L);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            fail("aborted: " + e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
        } finally {
            long stop0 = System.nanoTime();
            for (StationRuntime st : stations) {
                if (st != null) {
                    st.stop();
                }
            }
            connector.close();
            executor.close();
            result("stop of all stations and the connector", ms(System.nanoTime() - stop0) + " ms");
            csms.close();
            deleteTree(dir);
            System.out.println();
            System.out.println("==== StationLoad N=" + n + (failed ? " FAILED" : " passed"));
            report.forEach(System.out::println);
        }
    }

    private void startStations(StationRuntime[] stations, LoadCharger[] chargers, Path dir, JettyOcppConnector connector,
                               StationExecutor executor, int port) {
        List<LoadTestWiring.Bindings> bindings = new ArrayList<>();
        long serviceId = 1000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (i > 0 && i % Math.max(1, n / 10) == 0) {
                System.err.println("started " + i + "/" + n + " stations after " + ms(System.nanoTime() - t0) + " ms");
            }
            String id = String.format(ID_FORMAT, i);
            Map<String, Object> cfg = new HashMap<>();
            cfg.put("chargePointId", id);
            cfg.put("csmsUrl", "ws://127.0.0.1:" + port + "/ocpp");
            cfg.put("dataDirectory", dir.toString());
            cfg.put("connectors", 1);
            cfg.put("heartbeatIntervalDefault", heartbeat);
            LoadCharger charger = new LoadCharger();
            chargers[i] = charger;
            LoadTestWiring.Bindings b = new LoadTestWiring.Bindings(id);
            long sid = serviceId;
            serviceId += 5;
            if (!whiteboard) {
                bind(b, chargers[i], id, sid);
                stations[i] = LoadTestWiring.newRuntime(cfg, connector, executor.scheduler(), b);
                stations[i].start();
            } else {
                // DS: the new component is constructed (and started), then bound to every driver service registered
                // so far; then this charger's five services are registered and bound to every station, itself included
                // (each station's sets admit only its own drivers, as StationComponent's do)
                stations[i] = LoadTestWiring.newRuntime(cfg, connector, executor.scheduler(), b);
                stations[i].start();
                for (int j = 0; j < i; j++) {
                    bind(b, chargers[j], String.format(ID_FORMAT, j), 1000 + 5L * j);
                }
                bindings.add(b);
                for (LoadTestWiring.Bindings other : bindings) {
                    bind(other, charger, id, sid);
                }
            }
        }
    }

    /** Binds the five services of one charger with DS-like properties (a fresh map per binding, as DS hands one). */
    private static void bind(LoadTestWiring.Bindings b, LoadCharger c, String id, long sid) {
        b.addEvse(c, props(id, 1, sid, "io.chargegate.hardware.api.EvseDriver"));
        b.addMeter(c, props(id, 1, sid + 1, "io.chargegate.hardware.api.MeterDriver"));
        b.addLock(c, props(id, 1, sid + 2, "io.chargegate.hardware.api.ConnectorLockDriver"));
        b.addReader(c.tokenReader(), props(id, null, sid + 3, "io.chargegate.hardware.api.TokenReader"));
        b.addSystem(c, props(id, null, sid + 4, "io.chargegate.hardware.api.SystemDriver"));
    }

    private static Map<String, Object> props(String id, Integer connector, long sid, String objectClass) {
        Map<String, Object> p = new HashMap<>();
        p.put(DriverProperties.STATION, id);
        if (connector != null) {
            p.put(DriverProperties.CONNECTOR, connector);
        }
        p.put("service.id", sid);
        p.put("service.bundleid", 42L);
        p.put("service.scope", "singleton");
        p.put("objectClass", new String[] {objectClass});
        return p;
    }

    private void checkBoot(Dump d, StationRuntime[] stations) {
        long lastAvailable = 0;
        long firstBoot = Long.MAX_VALUE;
        int complete = 0;
        for (StationRuntime st : stations) {
            String id = st.chargePointId();
            List<Msg> ms = d.byStation.getOrDefault(id, List.of());
            long accepted = ms.stream().filter(m -> m.action.equals("BootNotification") && m.detail.equals("Accepted")).count();
            Msg a0 = last(ms, m -> m.action.equals("StatusNotification") && m.detail.equals("0:Available"));
            Msg a1 = last(ms, m -> m.action.equals("StatusNotification") && m.detail.equals("1:Available"));
            if (accepted >= 1 && a0 != null && a1 != null) {
                complete++;
                lastAvailable = Math.max(lastAvailable, Math.max(a0.at, a1.at));
            }
            for (Msg m : ms) {
                if (m.action.equals("BootNotification")) {
                    firstBoot = Math.min(firstBoot, m.at);
                }
            }
        }
        int maxConnects = d.connects.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long reconnected = d.connects.values().stream().filter(c -> c > 1).count();
        result("CSMS side after boot", complete + "/" + n + " stations with an Accepted BootNotification and Available for"
                + " connectors 0 and 1; first Boot to last Available " + (complete == 0 ? "-" : (lastAvailable - firstBoot) / 1000 + " ms")
                + "; " + reconnected + " station(s) connected more than once (max " + maxConnects + " connections)");
        if (complete != n) {
            fail("only " + complete + " of " + n + " stations are Accepted and Available at the CSMS");
        }
    }

    private void burst(StationRuntime[] stations, LoadCharger[] chargers, Csms csms) throws Exception {
        for (int i = 0; i < n; i++) {
            try {
                stations[i].changeConfiguration("MeterValueSampleInterval", Integer.toString(meterInterval));
            } catch (RuntimeException | OutOfMemoryError e) {
                throw new IllegalStateException("ChangeConfiguration (one durable write) failed at station " + i + " ("
                        + stations[i].chargePointId() + ") with " + heapUsedMiB() + " MiB heap in use", e);
            }
        }
        for (LoadCharger c : chargers) {
            c.plugIn();
        }
        if (!await("all Preparing", stations, st -> st.connectors().stream()
                .anyMatch(c -> c.connectorId() == 1 && c.status() == ChargePointStatus.PREPARING) && st.queueDepth() == 0)) {
            return;
        }
        Thread.sleep(2000); // let the Preparing StatusNotifications drain
        long[] trigger = new long[n];
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            trigger[i] = epochMicros();
            if (!chargers[i].present(tag(i))) {
                fail(stations[i].chargePointId() + ": no token reader attached");
            }
        }
        result("burst trigger loop (" + n + " idTags presented)", ms(System.nanoTime() - t0) + " ms");
        boolean allStarted = await("all transactions started (transactionId known)", stations,
                st -> st.transactions().size() == 1 && st.transactions().get(0).transactionId() != null);
        if (allStarted) {
            result("all transactions started (station side) after", ms(System.nanoTime() - t0) + " ms (CPU "
                    + ms(cpuNanos() - cpu0) + " ms)");
        }
        Thread.sleep(chargeSeconds * 1000L);
        long tStop = System.nanoTime();
        for (int i = 0; i < n; i++) {
            chargers[i].present(tag(i));
        }
        boolean allStopped = await("all transactions stopped and queues empty", stations,
                st -> st.transactions().isEmpty() && st.queueDepth() == 0);
        if (allStopped) {
            result("all transactions stopped and queues empty after", ms(System.nanoTime() - tStop) + " ms");
        }
        result("burst CPU (trigger to all stopped, incl. " + chargeSeconds + " s charging)", ms(cpuNanos() - cpu0) + " ms");
        Dump d = csms.dump();
        checkBurst(d, stations, trigger);
    }

    private void checkBurst(Dump d, StationRuntime[] stations, long[] trigger) {
        List<Long> startLatency = new ArrayList<>();
        List<Long> authLatency = new ArrayList<>();
        int startDup = 0;
        int startMissing = 0;
        int stopDup = 0;
        int stopMissing = 0;
        long meterValues = 0;
        int withoutMeterValues = 0;
        for (int i = 0; i < n; i++) {
            String id = stations[i].chargePointId();
            List<Msg> ms = d.byStation.getOrDefault(id, List.of());
            String tag = tag(i);
            List<Msg> starts = ms.stream().filter(m -> m.action.equals("StartTransaction") && m.detail.startsWith(tag + ":")).toList();
            if (starts.isEmpty()) {
                startMissing++;
                continue;
            }
            if (starts.size() > 1) {
                startDup++;
            }
            Msg start = starts.get(0);
            startLatency.add(start.at - trigger[i]);
            long triggered = trigger[i];
            Msg auth = first(ms, m -> m.action.equals("Authorize") && m.at >= triggered);
            if (auth != null) {
                authLatency.add(auth.at - triggered);
            }
            String txId = start.detail.substring(tag.length() + 1);
            long stops = ms.stream().filter(m -> m.action.equals("StopTransaction") && m.detail.equals(txId)).count();
            if (stops == 0) {
                stopMissing++;
            } else if (stops > 1) {
                stopDup++;
            }
            long mv = ms.stream().filter(m -> m.action.equals("MeterValues") && m.detail.equals(txId)).count();
            meterValues += mv;
            if (mv == 0) {
                withoutMeterValues++;
            }
        }
        long allStarts = d.messages.stream().filter(m -> m.action.equals("StartTransaction")).count();
        long allStops = d.messages.stream().filter(m -> m.action.equals("StopTransaction")).count();
        result("StartTransaction", allStarts + " received for " + n + " stations: " + startMissing + " missing, "
                + startDup + " station(s) with duplicates");
        result("StopTransaction", allStops + " received: " + stopMissing + " missing, " + stopDup + " station(s) with duplicates");
        result("MeterValues in transactions", meterValues + " received (" + withoutMeterValues + " transaction(s) without any)");
        result("latency idTag presented -> Authorize at CSMS", percentiles(authLatency));
        result("latency idTag presented -> StartTransaction at CSMS", percentiles(startLatency));
        if (startMissing + startDup + stopMissing + stopDup > 0 || allStarts != n || allStops != n) {
            fail("transaction messages lost or duplicated");
        }
    }

    private static String percentiles(List<Long> micros) {
        if (micros.isEmpty()) {
            return "none";
        }
        long[] a = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", pct(a, 50) / 1000.0,
                pct(a, 90) / 1000.0, pct(a, 99) / 1000.0, a[a.length - 1] / 1000.0, a.length);
    }

    /** Nearest-rank percentile. */
    private static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String tag(int i) {
        return String.format("TAG%05d", i);
    }

    private boolean await(String what, StationRuntime[] stations, Predicate<StationStatus> cond) throws InterruptedException {
        long deadline = System.currentTimeMillis() + phaseTimeoutMs;
        long nextNote = System.currentTimeMillis() + 10_000;
        while (true) {
            int ok = 0;
            for (StationRuntime st : stations) {
                if (cond.test(st.status())) {
                    ok++;
                }
            }
            if (ok == stations.length) {
                return true;
            }
            long now = System.currentTimeMillis();
            if (now > deadline) {
                fail("timed out (" + phaseTimeoutMs / 1000 + " s) waiting for " + what + ": " + ok + "/" + stations.length
                        + "; states: " + states(stations));
                return false;
            }
            if (now > nextNote) {
                System.err.println("waiting for " + what + ": " + ok + "/" + stations.length + " (load average "
                        + loadAverage() + ")");
                nextNote = now + 10_000;
            }
            Thread.sleep(100);
        }
    }

    private static String states(StationRuntime[] stations) {
        Map<String, Integer> counts = new TreeMap<>();
        for (StationRuntime st : stations) {
            StationStatus s = st.status();
            String key = (s.connected() ? "connected" : "offline") + "/" + (s.registration() == null ? "unregistered"
                    : s.registration().value()) + "/" + s.connectors().stream().map(ConnectorState::status)
                    .map(ChargePointStatus::value).toList() + "/queue " + Math.min(s.queueDepth(), 9);
            counts.merge(key, 1, Integer::sum);
        }
        return counts.toString();
    }

    // ---- measurements

    private record Snapshot(long heapUsed, int threads, Map<String, Integer> threadGroups, long fds) {
        String describe() {
            return String.format("heap used after GC %.1f MiB, %d threads, %d file descriptors", heapUsed / 1048576.0, threads, fds);
        }
    }

    private static Snapshot snapshot() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Integer> groups = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            groups.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.count();
        } catch (IOException e) {
            fds = -1;
        }
        return new Snapshot(heap, ManagementFactory.getThreadMXBean().getThreadCount(), groups, fds);
    }

    private static long heapUsedMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long epochMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private void result(String key, String value) {
        String line = "- " + key + ": " + value;
        report.add(line);
        System.err.println(line);
    }

    private void fail(String why) {
        failed = true;
        result("FAILED", why);
    }

    private static Msg first(List<Msg> ms, Predicate<Msg> p) {
        return ms.stream().filter(p).min(Comparator.comparingLong(Msg::at)).orElse(null);
    }

    private static Msg last(List<Msg> ms, Predicate<Msg> p) {
        return ms.stream().filter(p).max(Comparator.comparingLong(Msg::at)).orElse(null);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- the CSMS child process

    /** One CALL the CSMS received. */
    private record Msg(String station, String action, long at, String detail) {
    }

    /** What the CSMS received so far. */
    private record Dump(List<Msg> messages, Map<String, List<Msg>> byStation, Map<String, Integer> connects) {
    }

    /** The {@link LoadCsms} child JVM. */
    private static final class Csms implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;
        private final int port;

        private Csms(Process process) throws IOException {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            String first = out.readLine();
            if (first == null || !first.startsWith("PORT ")) {
                throw new IOException("the CSMS child did not start: " + first);
            }
            this.port = Integer.parseInt(first.substring(5).trim());
        }

        static Csms start(int heartbeat, String heap) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx" + heap,
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                    LoadCsms.class.getName(), Integer.toString(heartbeat));
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            return new Csms(pb.start());
        }

        synchronized Dump dump() throws IOException {
            in.println("dump");
            List<Msg> all = new ArrayList<>();
            Map<String, List<Msg>> by = new HashMap<>();
            Map<String, Integer> connects = new HashMap<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("END")) {
                String[] f = line.split(" ", 5);
                if (f[0].equals("C")) {
                    connects.put(f[1], Integer.parseInt(f[2]));
                } else if (f[0].equals("M")) {
                    Msg m = new Msg(f[1], f[2], Long.parseLong(f[3]), f[4]);
                    all.add(m);
                    by.computeIfAbsent(m.station, k -> new ArrayList<>()).add(m);
                }
            }
            return new Dump(all, by, connects);
        }

        synchronized long cpu() throws IOException {
            in.println("cpu");
            String line = out.readLine();
            return line != null && line.startsWith("CPU ") ? Long.parseLong(line.substring(4).trim()) : -1;
        }

        @Override
        public void close() throws InterruptedException {
            in.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
    }
}
