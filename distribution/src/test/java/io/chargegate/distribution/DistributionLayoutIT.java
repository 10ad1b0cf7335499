package io.chargegate.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built layout: bundle/&lt;n&gt;/ and the felix.auto.start.&lt;n&gt; lists of etc/config.properties name the same
 * files, the archives hold the same files as target/chargegate with bin/chargegate executable, the log file
 * locations that etc/logback.xml and the simulator's configuration agree on, and the launcher's option handling.
 */
class DistributionLayoutIT {

    private static final Pattern QUOTED = Pattern.compile("\"file:\\$\\{chargegate\\.home}/([^\"]+)\"");

    @Test
    void everyBootBundleIsListedAtItsStartLevelAndEveryListedFileExists() throws IOException {
        Path dist = GatewayProcess.distribution();
        Properties config = new Properties();
        try (Reader r = Files.newBufferedReader(dist.resolve("etc/config.properties"), StandardCharsets.ISO_8859_1)) {
            config.load(r);
        }
        for (int level = 1; level <= 4; level++) {
            String list = config.getProperty("felix.auto.start." + level);
            assertNotNull(list, "felix.auto.start." + level);
            Set<String> listed = new TreeSet<>();
            Matcher m = QUOTED.matcher(list);
            while (m.find()) {
                listed.add(m.group(1));
            }
            Set<String> present;
            try (Stream<Path> files = Files.list(dist.resolve("bundle/" + level))) {
                present = files.map(p -> dist.relativize(p).toString().replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(present, listed, "bundle/" + level + " and felix.auto.start." + level);
        }
        assertTrue(config.stringPropertyNames().stream().noneMatch(k -> k.startsWith("felix.auto.start.") && !k.matches("felix\\.auto\\.start\\.[1-4]")));
        try (Stream<Path> deploy = Files.list(dist.resolve("deploy"))) {
            Set<String> names = deploy.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            for (String profile : new String[] {"core", "smartcharging", "reservation", "localauthlist", "remotetrigger", "firmware"}) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith("io.chargegate.profile." + profile + "-")), names.toString());
            }
            assertTrue(names.stream().anyMatch(n -> n.startsWith("io.chargegate.driver.simulator-")), names.toString());
        }
    }

    @Test
    void archivesHoldTheDistributionWithAnExecutableLauncher() throws IOException {
        Path dist = GatewayProcess.distribution();
        assertTrue(Files.getPosixFilePermissions(dist.resolve("bin/chargegate")).contains(PosixFilePermission.OWNER_EXECUTE));
        Set<String> files;
        try (Stream<Path> all = Files.walk(dist)) {
            // data/ appears when someone ran target/chargegate in place with the default --data
            files = all.filter(Files::isRegularFile).map(p -> dist.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("data/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Path target = dist.getParent();
        Path tar;
        Path zip;
        try (Stream<Path> list = Files.list(target)) {
            List<Path> archives = list.filter(p -> p.getFileName().toString().matches("chargegate-.+\\.(tar\\.gz|zip)")).sorted().toList();
            assertEquals(2, archives.size(), archives.toString());
            tar = archives.stream().filter(p -> p.toString().endsWith(".tar.gz")).findFirst().orElseThrow();
            zip = archives.stream().filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        String top = tar.getFileName().toString().replace(".tar.gz", "") + "/";

        Map<String, Integer> tarModes = tarFileModes(tar);
        assertEquals(files, strip(tarModes.keySet(), top), "tar.gz content");
        assertEquals(0755, tarModes.get(top + "bin/chargegate") & 0777, "mode of bin/chargegate in the tar.gz");
        assertEquals(0644, tarModes.get(top + "etc/config.properties") & 0777);

        Set<String> zipFiles = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    zipFiles.add(e.getName());
                }
            }
        }
        assertEquals(files, strip(zipFiles, top), "zip content");
    }

    @Test
    void logbackWritesTheConsoleAndTheLogFolderTheSimulatorReads() throws Exception {
        Path dist = GatewayProcess.distribution();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        Document doc = factory.newDocumentBuilder().parse(dist.resolve("etc/logback.xml").toFile());
        Element root = doc.getDocumentElement();
        assertEquals("true", root.getAttribute("scan"), "levels must apply without a restart");
        assertTrue(!root.getAttribute("scanPeriod").isBlank(), "scanPeriod");

        Map<String, String> properties = new HashMap<>();
        for (Element p : elements(root, "property")) {
            properties.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        Map<String, Element> appenders = new HashMap<>();
        for (Element a : elements(root, "appender")) {
            appenders.put(a.getAttribute("class"), a);
        }
        Element console = appenders.get("ch.qos.logback.core.ConsoleAppender");
        assertNotNull(console, "no console appender");
        assertEquals("System.out", text(console, "target"));
        Element file = appenders.get("ch.qos.logback.core.rolling.RollingFileAppender");
        assertNotNull(file, "no rolling file appender");
        // the contract with the simulator's log reader: <data>/log/chargegate.log, rolled into chargegate-*.log.gz
        assertEquals("${chargegate.data:-data}/log", properties.get("LOG_DIR"));
        assertEquals("${LOG_DIR}/chargegate.log", text(file, "file"));
        Element policy = elements(file, "rollingPolicy").get(0);
        assertEquals("ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy", policy.getAttribute("class"));
        assertEquals("${LOG_DIR}/chargegate-%d{yyyy-MM-dd}.%i.log.gz", text(policy, "fileNamePattern"));
        String line = properties.get("LINE");
        assertTrue(line.startsWith("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} "), line);
        assertEquals("${LINE}", text(elements(console, "encoder").get(0), "pattern"));
        assertEquals("${LINE}", text(elements(file, "encoder").get(0), "pattern"));

        Properties simulator = new Properties();
        try (Reader r = Files.newBufferedReader(dist.resolve("etc/io.chargegate.driver.simulator-default.cfg"),
                StandardCharsets.ISO_8859_1)) {
            simulator.load(r);
        }
        assertEquals("${chargegate.data}/log", simulator.getProperty("logDirectory"));
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> found = elements(parent, name);
        assertEquals(1, found.size(), "<" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0).getTextContent().trim();
    }

    @Test
    void launcherExplainsItsOptionsAndRefusesUnknownOnes(@TempDir Path tmp) throws Exception {
        try (GatewayProcess help = GatewayProcess.start(tmp, "", "--help")) {
            assertEquals(Integer.valueOf(0), help.terminateAfterExit(Duration.ofSeconds(20)), help.output());
            assertTrue(help.output().contains("Usage: chargegate [options]"), help.output());
            for (String option : List.of("--demo", "--csms URL", "--id ID", "--data DIR", "--headless")) {
                assertTrue(help.output().contains(option), option + " not documented:\n" + help.output());
            }
        }
        try (GatewayProcess wrong = GatewayProcess.start(tmp, "", "--bogus")) {
            assertEquals(Integer.valueOf(2), wrong.terminateAfterExit(Duration.ofSeconds(20)), wrong.output());
            assertTrue(wrong.output().contains("unknown option: --bogus"), wrong.output());
        }
        try (GatewayProcess wrong = GatewayProcess.start(tmp, "", "--csms", "http://example.com/ocpp")) {
            assertEquals(Integer.valueOf(2), wrong.terminateAfterExit(Duration.ofSeconds(20)), wrong.output());
            assertTrue(wrong.output().contains("ws:// or wss://"), wrong.output());
        }
    }

    private static Set<String> strip(Set<String> names, String top) {
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            assertTrue(n.startsWith(top), n + " is not under " + top);
            out.add(n.substring(top.length()));
        }
        return out;
    }

    /** Regular files of a (ustar/GNU) tar.gz with their mode bits. */
    private static Map<String, Integer> tarFileModes(Path tarGz) throws IOException {
        Map<String, Integer> modes = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarGz))) {
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || isZero(header)) {
                    break;
                }
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (type == 'L') {
                    longName = cString(data, 0, data.length);
                    continue;
                }
                String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                longName = null;
                if (type == '0' || type == '\0') {
                    modes.put(full, mode);
                }
            }
        }
        return modes;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) {
        String s = cString(b, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
}
