package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Direction;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.TransactionListener;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, the four DS component descriptions (the core component and three handlers) and the metatype.
 */
class SmartChargingBundleIT {

    private static final String PACKAGE = "io.chargegate.profile.smartcharging.internal.";

    private static Attributes manifest;
    private static final Map<String, Element> COMPONENTS = new LinkedHashMap<>();
    private static final List<String> ENTRIES = new ArrayList<>();

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
                ENTRIES.add(name);
                if (name.startsWith("OSGI-INF/") && name.endsWith(".xml") && name.indexOf('/', 9) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Document doc = factory.newDocumentBuilder().parse(in);
                        COMPONENTS.put(name, doc.getDocumentElement());
                    }
                }
            }
        }
    }

    private static String implementation(Element component) {
        return ((Element) component.getElementsByTagName("implementation").item(0)).getAttribute("class");
    }

    private static List<String> provided(Element component) {
        NodeList provides = component.getElementsByTagName("provide");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < provides.getLength(); i++) {
            result.add(((Element) provides.item(i)).getAttribute("interface"));
        }
        return result;
    }

    private static Element component(String simpleName) {
        return COMPONENTS.values().stream().filter(c -> implementation(c).equals(PACKAGE + simpleName))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + simpleName));
    }

    private static List<Element> references(Element component) {
        NodeList refs = component.getElementsByTagName("reference");
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < refs.getLength(); i++) {
            result.add((Element) refs.item(i));
        }
        return result;
    }

    @Test
    void manifestNamesTheBundleExportsNothingAndListsFourComponents() {
        assertEquals("io.chargegate.profile.smartcharging", manifest.getValue("Bundle-SymbolicName"));
        assertNull(manifest.getValue("Export-Package"), "a profile bundle exports nothing");
        Set<String> declared = Arrays.stream(manifest.getValue("Service-Component").split(","))
                .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(COMPONENTS.keySet()), declared);
        assertEquals(4, COMPONENTS.size(), "components: " + COMPONENTS.keySet());
        String imports = manifest.getValue("Import-Package");
        assertTrue(imports.contains("io.chargegate.station.api"), imports);
        assertTrue(imports.contains("io.chargegate.ocpp.rpc.codec"), imports);
    }

    @Test
    void coreComponentIsImmediateProvidesProfileAndListenerAndTracksStations() {
        Element core = component("SmartChargingService");
        assertEquals("true", core.getAttribute("immediate"));
        assertEquals("deactivate", core.getAttribute("deactivate"));
        assertEquals(SmartChargingService.PID, core.getAttribute("configuration-pid"));
        assertEquals(List.of(PACKAGE + "SmartChargingService", FeatureProfileProvider.class.getName(),
                TransactionListener.class.getName()), provided(core));
        List<Element> refs = references(core);
        assertEquals(1, refs.size());
        assertEquals(Station.class.getName(), refs.get(0).getAttribute("interface"));
        assertEquals("0..n", refs.get(0).getAttribute("cardinality"));
        assertEquals("dynamic", refs.get(0).getAttribute("policy"));
        assertEquals("addStation", refs.get(0).getAttribute("bind"));
        assertEquals("removeStation", refs.get(0).getAttribute("unbind"));
    }

    @Test
    void metatypeDescribesTheElectricalConstants() {
        assertTrue(ENTRIES.contains("OSGI-INF/metatype/" + PACKAGE + "SmartChargingService$Config.xml"), ENTRIES.toString());
    }

    @Test
    void handlersReferenceTheCoreComponentAndAnswerEachSmartChargingActionOnce() throws Exception {
        SmartChargingService service = new SmartChargingService(Settings.defaults(), (task, delay) -> () -> { });
        List<Action> actions = new ArrayList<>();
        for (Element component : COMPONENTS.values()) {
            if (!provided(component).contains(ActionHandler.class.getName())) {
                continue;
            }
            assertEquals(List.of(ActionHandler.class.getName()), provided(component));
            List<Element> refs = references(component);
            assertEquals(1, refs.size());
            assertEquals(PACKAGE + "SmartChargingService", refs.get(0).getAttribute("interface"));
            assertTrue(List.of("", "static").contains(refs.get(0).getAttribute("policy")), "static reference");
            assertTrue(List.of("", "1..1").contains(refs.get(0).getAttribute("cardinality")), "mandatory reference");
            Object handler = Class.forName(implementation(component)).getConstructor(SmartChargingService.class)
                    .newInstance(service);
            actions.add(((ActionHandler<?, ?>) handler).action());
        }
        Set<Action> expected = Stream.of(Action.values())
                .filter(a -> a.profile() == FeatureProfile.SMART_CHARGING && a.direction() != Direction.CHARGE_POINT_TO_CSMS)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        assertEquals(expected.size(), actions.size(), "one component per action: " + actions);
        assertEquals(expected, EnumSet.copyOf(actions));
    }

    @Test
    void everyClassIsInTheInternalPackage() {
        List<String> classes = ENTRIES.stream().filter(e -> e.endsWith(".class")).toList();
        assertTrue(classes.size() >= 10, classes.toString());
        for (String entry : classes) {
            assertTrue(entry.startsWith("io/chargegate/profile/smartcharging/internal/"), entry);
        }
    }
}
