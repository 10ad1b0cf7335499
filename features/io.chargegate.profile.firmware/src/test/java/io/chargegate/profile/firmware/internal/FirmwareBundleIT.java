package io.chargegate.profile.firmware.internal;

import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.FeatureProfileProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest (exports nothing; imports the driver SPI, Commons Net and the Jetty 12 client packages with ranges the
 * runtime's bundles satisfy, not {@code java.net.http}), the three DS components with their references, and the
 * metatype of the configuration.
 */
class FirmwareBundleIT {
    private static final String PACKAGE = "io.chargegate.profile.firmware.internal.";

    private static Attributes manifest;
    private static final Map<String, Element> COMPONENTS = new LinkedHashMap<>();
    private static final Map<String, Element> METATYPES = new LinkedHashMap<>();

    @BeforeAll
    static void readJar() throws Exception {
        String jarPath = System.getProperty("bundle.jar");
        assertNotNull(jarPath, "system property bundle.jar (set by failsafe) is missing");
        assertTrue(Files.isRegularFile(Path.of(jarPath)), "bundle jar not found: " + jarPath);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (JarFile jar = new JarFile(jarPath)) {
            manifest = jar.getManifest().getMainAttributes();
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                boolean component = name.startsWith("OSGI-INF/") && name.endsWith(".xml") && name.indexOf('/', 9) < 0;
                boolean metatype = name.startsWith("OSGI-INF/metatype/") && name.endsWith(".xml");
                if (component || metatype) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Document doc = factory.newDocumentBuilder().parse(in);
                        (component ? COMPONENTS : METATYPES).put(name, doc.getDocumentElement());
                    }
                }
            }
        }
    }

    private static Element component(String simpleName) {
        return COMPONENTS.values().stream()
                .filter(c -> ((Element) c.getElementsByTagName("implementation").item(0)).getAttribute("class")
                        .equals(PACKAGE + simpleName))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + simpleName));
    }

    private static List<String> provided(Element component) {
        NodeList provides = component.getElementsByTagName("provide");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < provides.getLength(); i++) {
            result.add(((Element) provides.item(i)).getAttribute("interface"));
        }
        return result;
    }

    private static Map<String, Element> references(Element component) {
        NodeList references = component.getElementsByTagName("reference");
        Map<String, Element> result = new LinkedHashMap<>();
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            result.put(reference.getAttribute("interface"), reference);
        }
        return result;
    }

    /** The {@code Import-Package} clauses by package name (attributes and directives as written by bnd). */
    private static Map<String, String> imports() {
        Map<String, String> result = new LinkedHashMap<>();
        String header = manifest.getValue("Import-Package");
        assertNotNull(header, "no Import-Package");
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String text = clause.toString().trim();
                int semicolon = text.indexOf(';');
                result.put(semicolon < 0 ? text : text.substring(0, semicolon),
                        semicolon < 0 ? "" : text.substring(semicolon + 1));
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return result;
    }

    @Test
    void manifestExportsNothingAndImportsWhatTheTransfersNeed() {
        assertEquals("io.chargegate.profile.firmware", manifest.getValue("Bundle-SymbolicName"));
        assertNull(manifest.getValue("Export-Package"), "a profile bundle exports nothing");
        Map<String, String> imports = imports();
        for (String pkg : List.of("io.chargegate.station.api", "io.chargegate.hardware.api",
                "org.apache.commons.net.ftp", "org.eclipse.jetty.client")) {
            assertTrue(imports.containsKey(pkg), pkg + " not imported: " + imports.keySet());
        }
        Set<String> declared = Arrays.stream(manifest.getValue("Service-Component").split(","))
                .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(COMPONENTS.keySet()), declared);
    }

    @Test
    void httpGoesThroughTheJettyClientOfTheRuntimeWithinJetty12() {
        Map<String, String> imports = imports();
        assertTrue(!imports.containsKey("java.net.http"), "the JDK HttpClient is not used: " + imports.keySet());
        List<String> jetty = imports.keySet().stream().filter(p -> p.startsWith("org.eclipse.jetty.")).toList();
        assertTrue(jetty.containsAll(List.of("org.eclipse.jetty.client", "org.eclipse.jetty.http",
                "org.eclipse.jetty.util.ssl")), "Jetty imports: " + jetty);
        for (String pkg : jetty) {
            // the runtime ships Jetty 12.1.x; any 12.x from 12.1 on resolves, Jetty 13 does not
            assertEquals("version=\"[12.1,13)\"", imports.get(pkg), pkg);
        }
        assertEquals("version=\"[3.11,4)\"", imports.get("org.apache.commons.net.ftp"));
        assertTrue(imports.keySet().stream().noneMatch(p -> p.startsWith("org.eclipse.jetty.server")),
                "the test server stays out of the bundle: " + jetty);
    }

    @Test
    void serviceIsImmediateConfigurableAndTracksStationsAndDriversDynamically() {
        assertEquals(3, COMPONENTS.size(), "components: " + COMPONENTS.keySet());
        Element service = component("FirmwareService");
        assertEquals("true", service.getAttribute("immediate"));
        assertEquals(FirmwareService.PID, service.getAttribute("configuration-pid"));
        assertEquals(List.of(PACKAGE + "FirmwareService", FeatureProfileProvider.class.getName()), provided(service));
        Map<String, Element> references = references(service);
        Element stations = references.get("io.chargegate.station.api.Station");
        assertEquals("0..n", stations.getAttribute("cardinality"));
        assertEquals("dynamic", stations.getAttribute("policy"));
        Element drivers = references.get("io.chargegate.hardware.api.SystemDriver");
        assertEquals("0..n", drivers.getAttribute("cardinality"));
        assertEquals("dynamic", drivers.getAttribute("policy"));
        assertEquals("greedy", drivers.getAttribute("policy-option"));
        assertEquals("updatedSystemDriver", drivers.getAttribute("updated"));
    }

    @Test
    void twoHandlersOnTheService() {
        for (String handler : List.of("UpdateFirmwareHandler", "GetDiagnosticsHandler")) {
            Element component = component(handler);
            assertEquals(List.of(ActionHandler.class.getName()), provided(component));
            Element reference = references(component).get(PACKAGE + "FirmwareService");
            assertNotNull(reference, handler + " references the service");
            assertEquals("1..1", reference.getAttribute("cardinality").isEmpty() ? "1..1"
                    : reference.getAttribute("cardinality"));
        }
    }

    @Test
    void metatypeDescribesTheWorkDirectory() {
        assertEquals(1, METATYPES.size(), "metatype: " + METATYPES.keySet());
        NodeList attributes = METATYPES.values().iterator().next().getElementsByTagName("AD");
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Element ad = (Element) attributes.item(i);
            defaults.put(ad.getAttribute("id"), ad.getAttribute("default"));
            types.put(ad.getAttribute("id"), ad.getAttribute("type"));
        }
        assertEquals("", defaults.get("trustStore"), "empty: the JVM's default trust store");
        assertEquals("Password", types.get("trustStorePassword"));
        assertEquals("data/firmware", defaults.get("workDirectory"));
        assertTrue(defaults.keySet().containsAll(List.of("defaultRetries", "defaultRetryIntervalSeconds",
                "installCheckIntervalSeconds", "transferTimeoutSeconds")), defaults.toString());
    }
}
