package io.chargegate.profile.remotetrigger.internal;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Direction;
import io.chargegate.ocpp.model.FeatureProfile;
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
 * manifest, and one DS component description per component (RemoteTriggerProfile + 1 handler).
 */
class RemoteTriggerBundleIT {

    private static final String PACKAGE = "io.chargegate.profile.remotetrigger.internal.";

    private static Attributes manifest;
    /** component XML path -> parsed root element */
    private static final Map<String, Element> COMPONENTS = new LinkedHashMap<>();
    private static final List<String> CLASS_ENTRIES = new ArrayList<>();

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
                if (name.startsWith("OSGI-INF/") && name.endsWith(".xml") && name.indexOf('/', 9) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Document doc = factory.newDocumentBuilder().parse(in);
                        COMPONENTS.put(name, doc.getDocumentElement());
                    }
                } else if (name.endsWith(".class")) {
                    CLASS_ENTRIES.add(name);
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

    @Test
    void manifestNamesTheBundleExportsNothingAndListsTwoComponents() {
        assertEquals("io.chargegate.profile.remotetrigger", manifest.getValue("Bundle-SymbolicName"));
        assertNull(manifest.getValue("Export-Package"), "a profile bundle exports nothing");
        String serviceComponent = manifest.getValue("Service-Component");
        assertNotNull(serviceComponent);
        Set<String> declared = Arrays.stream(serviceComponent.split(","))
                .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(COMPONENTS.keySet()), declared);
        assertTrue(manifest.getValue("Import-Package").contains("io.chargegate.station.api"));
    }

    @Test
    void twoComponentsRemoteTriggerProfileAndOneHandler() {
        assertEquals(2, COMPONENTS.size(), "components: " + COMPONENTS.keySet());
        Map<String, List<String>> services = COMPONENTS.values().stream()
                .collect(Collectors.toMap(RemoteTriggerBundleIT::implementation, RemoteTriggerBundleIT::provided));
        assertEquals(List.of(FeatureProfileProvider.class.getName()), services.get(PACKAGE + "RemoteTriggerProfile"));
        long handlers = services.values().stream()
                .filter(s -> s.equals(List.of(ActionHandler.class.getName()))).count();
        assertEquals(1, handlers, "ActionHandler components: " + services);
    }

    @Test
    void remoteTriggerProfileIsImmediate() {
        Element profile = COMPONENTS.values().stream()
                .filter(c -> implementation(c).equals(PACKAGE + "RemoteTriggerProfile")).findFirst().orElseThrow();
        assertEquals("true", profile.getAttribute("immediate"));
    }

    @Test
    void handlerComponentsAnswerEachCsmsInitiatedRemoteTriggerActionOnce() throws Exception {
        List<Action> actions = new ArrayList<>();
        for (Element component : COMPONENTS.values()) {
            if (provided(component).contains(ActionHandler.class.getName())) {
                Object handler = Class.forName(implementation(component)).getConstructor().newInstance();
                actions.add(((ActionHandler<?, ?>) handler).action());
            }
        }
        Set<Action> expected = Stream.of(Action.values())
                .filter(a -> a.profile() == FeatureProfile.REMOTE_TRIGGER
                        && a.direction() != Direction.CHARGE_POINT_TO_CSMS)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        assertEquals(expected.size(), actions.size(), "one component per action: " + actions);
        assertEquals(expected, EnumSet.copyOf(actions));
    }

    @Test
    void everyClassIsInTheInternalPackage() {
        assertTrue(CLASS_ENTRIES.size() >= 3);
        for (String entry : CLASS_ENTRIES) {
            assertTrue(entry.startsWith("io/chargegate/profile/remotetrigger/internal/"), entry);
        }
    }
}
