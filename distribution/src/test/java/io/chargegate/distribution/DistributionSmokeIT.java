package io.chargegate.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the built distribution as a process, as an operator would, and stops it with SIGTERM: every bundle
 * ACTIVE, piped shell commands run and the gateway keeps running when the pipe ends, the {@code --demo} charging
 * session reaches the demo central system, jars and .cfg files are hot-deployed and removed, and shutdown is clean
 * (no errors, no exceptions). Logging: slf4j finds its provider (Logback), and every log event on the console is
 * also in {@code <data>/log/chargegate.log}, in the line format of etc/logback.xml.
 */
class DistributionSmokeIT {

    /** The exit status of a JVM ended by SIGTERM after its shutdown hooks ran (128 + 15); 0 if it exited first. */
    private static final Set<Integer> CLEAN_EXIT = Set.of(143, 0);
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final Pattern LB_ROW = Pattern.compile("^\\s*(\\d+)\\|(\\w+)\\s*\\|\\s*(\\d+)\\|(.*)$");

    @Test
    void pipedCommandsRunEveryBundleIsActiveAndTheGatewayOutlivesThePipe(@TempDir Path tmp) throws Exception {
        // started through a symbolic link, from an unrelated working directory
        Path linkDir = Files.createDirectories(tmp.resolve("elsewhere/bin"));
        Path link = Files.createSymbolicLink(linkDir.resolve("chargegate"),
                GatewayProcess.distribution().resolve("bin/chargegate").toAbsolutePath());
        Path data = tmp.resolve("data");
        int nobody = GatewayProcess.freePort();
        String csms = "ws://127.0.0.1:" + nobody + "/ocpp";

        try (GatewayProcess gw = GatewayProcess.start(link, tmp.resolve("elsewhere"), "",
                "--data", data.toString(), "--csms", csms, "--id", "SMOKE-1")) {
            // the shell profile waits for the last start level before it reads the pipe
            gw.type("lb -s\nsim:status\nchargegate:status\n");
            gw.closeStdin();

            assertTrue(gw.awaitLine("gosh: stopping shell", START), "the shell never read the end of the pipe:\n" + gw.output());
            List<String> rows = gw.lines().stream().filter(l -> LB_ROW.matcher(l).matches()).collect(Collectors.toList());
            assertEquals(expectedBundleCount(), rows.size(), "lb rows:\n" + String.join("\n", rows));
            for (String row : rows) {
                Matcher m = LB_ROW.matcher(row);
                assertTrue(m.matches());
                assertEquals("Active", m.group(2), "not active: " + row);
            }
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("START LEVEL 4")), gw.output());
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("SMOKE-1 connector 2: pilot=A")),
                    "sim:status did not show the simulator of the --id station:\n" + gw.output());
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("[SMOKE-1] station started")), gw.output());
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("Station SMOKE-1")),
                    "chargegate:status did not show the station:\n" + gw.output());
            assertTrue(gw.awaitLine("Connecting to " + csms + "/SMOKE-1 failed", START),
                    "the station did not use --csms/--id:\n" + gw.output());

            // the end of the pipe stopped the shell, not the gateway
            Thread.sleep(3_000);
            assertTrue(gw.isAlive(), "the gateway stopped when its input ended:\n" + gw.output());
            assertFalse(gw.lines().stream().anyMatch(l -> l.contains("station stopped") || l.contains("stopping shell and framework")),
                    gw.output());

            Integer exit = gw.terminate(STOP);
            assertNotNull(exit, "no exit within " + STOP + " of SIGTERM:\n" + gw.output());
            assertTrue(CLEAN_EXIT.contains(exit), "exit status " + exit + ":\n" + gw.output());
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("[SMOKE-1] station stopped")), gw.output());
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("simulator stopped")), gw.output());
            assertEquals(List.of(), gw.problems(), "errors in the output:\n" + gw.output());
            assertTrue(Files.isRegularFile(data.resolve("stations/SMOKE-1/state.mv")), "no store under --data");
            assertTrue(Files.isDirectory(data.resolve("felix-cache")), "no Felix cache under --data");
            assertLogFileHoldsTheConsoleEvents(gw, data, "[SMOKE-1] station started",
                    "Connecting to " + csms + "/SMOKE-1 failed", "[SMOKE-1] station stopped");
        }
    }

    @Test
    void demoPlaysOneChargingSessionAgainstTheDemoCentralSystem(@TempDir Path tmp) throws Exception {
        int port = GatewayProcess.freePort();
        String csms = "ws://127.0.0.1:" + port + "/ocpp";
        Path data = tmp.resolve("data");
        try (GatewayProcess gw = GatewayProcess.start(tmp, "-Dchargegate.demo.port=" + port,
                "--demo", "--headless", "--csms", csms, "--data", data.toString())) {
            assertTrue(gw.awaitLine("demo central system listening on " + csms, START), gw.output());
            assertTrue(gw.awaitLine("demo: session done", Duration.ofSeconds(90)), "no whole session:\n" + gw.output());

            for (String action : List.of("BootNotification", "StatusNotification", "Authorize", "StartTransaction",
                    "MeterValues", "StopTransaction")) {
                assertTrue(gw.lines().stream().anyMatch(l -> l.contains("CP-1 -> CSMS") && l.contains(",\"" + action + "\",")),
                        "no " + action + " frame:\n" + gw.output());
            }
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("BootNotification Accepted")), gw.output());
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("transaction 1 stopped")), gw.output());

            Integer exit = gw.terminate(STOP);
            assertNotNull(exit, "no exit within " + STOP + " of SIGTERM:\n" + gw.output());
            assertTrue(CLEAN_EXIT.contains(exit), "exit status " + exit + ":\n" + gw.output());
            // the station closed its WebSocket with a close frame before the central system went down
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("CP-1: disconnected (1000")), gw.output());
            assertTrue(gw.lines().stream().anyMatch(l -> l.contains("demo central system stopped")), gw.output());
            assertEquals(List.of(), gw.problems(), "errors in the output:\n" + gw.output());
            assertLogFileHoldsTheConsoleEvents(gw, data, "demo central system listening on " + csms,
                    "CP-1 -> CSMS", "BootNotification Accepted", "transaction 1 stopped", "CP-1: disconnected (1000");
        }
    }

    @Test
    void jarsAndConfigurationsAreHotDeployedAndRemoved(@TempDir Path tmp) throws Exception {
        // a private copy: this test changes deploy/ and etc/
        Path home = GatewayProcess.copyDistribution(tmp.resolve("chargegate"));
        Path deploy = home.resolve("deploy");
        Path simulatorJar;
        try (Stream<Path> jars = Files.list(deploy)) {
            simulatorJar = jars.filter(p -> p.getFileName().toString().startsWith("io.chargegate.driver.simulator-"))
                    .findFirst().orElseThrow();
        }
        Path parked = Files.move(simulatorJar, tmp.resolve(simulatorJar.getFileName()));
        String csms = "ws://127.0.0.1:" + GatewayProcess.freePort() + "/ocpp";

        try (GatewayProcess gw = GatewayProcess.start(home.resolve("bin/chargegate"), tmp, "",
                "--headless", "--csms", csms, "--data", tmp.resolve("data").toString())) {
            assertTrue(gw.awaitLine("[CP-1] station started", START), gw.output());

            // drop a driver jar in: installed and started
            Files.copy(parked, simulatorJar);
            assertTrue(gw.awaitLine("CP-1: simulator started", START), "driver not hot-deployed:\n" + gw.output());
            assertTrue(gw.awaitLine("[CP-1] connector 1: EVSE driver attached", START), gw.output());

            // delete it: uninstalled
            Files.delete(simulatorJar);
            assertTrue(gw.awaitLine("CP-1: simulator stopped", START), "driver not removed:\n" + gw.output());

            // a second station from a new .cfg file, gone again when the file is deleted
            Path second = home.resolve("etc/io.chargegate.station-second.cfg");
            Files.writeString(second, "chargePointId = SMOKE-2\ncsmsUrl = " + csms + "\n"
                    + "dataDirectory = ${chargegate.data}/stations\n");
            assertTrue(gw.awaitLine("[SMOKE-2] station started", START), "configuration not applied:\n" + gw.output());
            Thread.sleep(2500); // let FileInstall finish the poll cycle that created it (poll = 1 s)
            Files.delete(second);
            assertTrue(gw.awaitLine("[SMOKE-2] station stopped", START), "configuration not removed:\n" + gw.output());
            assertTrue(Files.isRegularFile(tmp.resolve("data/stations/SMOKE-2/state.mv")), "${chargegate.data} not substituted");

            Integer exit = gw.terminate(STOP);
            assertNotNull(exit, "no exit within " + STOP + " of SIGTERM:\n" + gw.output());
            assertTrue(CLEAN_EXIT.contains(exit), "exit status " + exit + ":\n" + gw.output());
            assertEquals(List.of(), gw.problems(), "errors in the output:\n" + gw.output());
            assertLogFileHoldsTheConsoleEvents(gw, tmp.resolve("data"), "[SMOKE-2] station started",
                    "[SMOKE-2] station stopped");
        }
        assertFalse(Files.exists(home.resolve("data")), "a log or state folder appeared outside --data");
    }

    /**
     * After a clean run that has ended: slf4j found its provider, {@code <data>/log/chargegate.log} exists, every
     * one of its lines is the first line of a log event in the agreed format (a clean run has no stack traces),
     * every log event printed on the console is in it, and it holds a line containing each of {@code expected}.
     * (The file may hold more than the console: Gogo captures standard output of the thread that runs a shell
     * command, so what a command logs does not reach the console; the file appender writes it all.)
     */
    private static void assertLogFileHoldsTheConsoleEvents(GatewayProcess gw, Path data, String... expected)
            throws IOException {
        assertTrue(gw.lines().stream().noneMatch(l -> l.contains("SLF4J")),
                "slf4j complained (no provider / NOP logger / several providers):\n" + gw.output());
        Path log = data.resolve("log/chargegate.log");
        assertTrue(Files.isRegularFile(log), "no log file " + log + ":\n" + gw.output());
        List<String> file = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> notEvents = file.stream().filter(l -> !GatewayProcess.LOG_EVENT.matcher(l).find()).toList();
        assertEquals(List.of(), notEvents, "lines of " + log + " not in the log line format");

        Set<String> console = gw.lines().stream().filter(l -> GatewayProcess.LOG_EVENT.matcher(l).find())
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(console.isEmpty(), "no log event on the console:\n" + gw.output());
        Set<String> missing = new TreeSet<>(console);
        missing.removeAll(file);
        assertEquals(Set.of(), missing, "console log events missing from " + log);
        for (String text : expected) {
            assertTrue(file.stream().anyMatch(l -> l.contains(text)), "no \"" + text + "\" in " + log + ":\n"
                    + String.join("\n", file));
        }
    }

    /** The system bundle, the jars of bundle/1..4 and those of deploy/. */
    private static long expectedBundleCount() throws Exception {
        Path dist = GatewayProcess.distribution();
        try (Stream<Path> boot = Files.walk(dist.resolve("bundle")); Stream<Path> deploy = Files.list(dist.resolve("deploy"))) {
            return 1 + Stream.concat(boot, deploy).filter(p -> p.toString().endsWith(".jar")).count();
        }
    }
}
