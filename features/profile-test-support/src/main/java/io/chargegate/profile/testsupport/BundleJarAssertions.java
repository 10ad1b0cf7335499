package io.chargegate.profile.testsupport;

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.Direction;
import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.FeatureProfileProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * A profile bundle jar as bnd built it (main manifest attributes, the DS component descriptions in {@code OSGI-INF/},
 * every entry name) and the JUnit checks the profiles' {@code *BundleIT} tests make on it. Each check takes what
 * differs between the profiles (symbolic name, implementation classes, services, reference attributes) as arguments.
 */
public final class BundleJarAssertions {

    /** The system property failsafe sets to the path of the module's bundle jar. */
    public static final String BUNDLE_JAR_PROPERTY = "bundle.jar";

    /** Makes the handler object of an {@link ActionHandler} component from its implementation class. */
    @FunctionalInterface
    public interface HandlerFactory {
        /** A new instance of {@code type}, which implements {@link ActionHandler}. */
        Object create(Class<?> type) throws Exception;
    }

    private final Attributes manifest;
    /** component XML path -> parsed root element, in jar order */
    private final Map<String, Element> components;
    private final List<String> entries;

    private BundleJarAssertions(Attributes manifest, Map<String, Element> components, List<String> entries) {
        this.manifest = manifest;
        this.components = Collections.unmodifiableMap(components);
        this.entries = List.copyOf(entries);
    }

    /** Reads the jar named by the system property {@value #BUNDLE_JAR_PROPERTY}, failing the test when it is unset. */
    public static BundleJarAssertions fromSystemProperty() throws IOException, ParserConfigurationException, SAXException {
        String jarPath = System.getProperty(BUNDLE_JAR_PROPERTY);
        assertNotNull(jarPath, "system property bundle.jar (set by failsafe) is missing");
        return read(Path.of(jarPath));
    }

    /** Reads a bundle jar, failing the test when the file does not exist. */
    public static BundleJarAssertions read(Path jarPath) throws IOException, ParserConfigurationException, SAXException {
        assertTrue(Files.isRegularFile(jarPath), "bundle jar not found: " + jarPath);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Map<String, Element> components = new LinkedHashMap<>();
        List<String> entries = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                entries.add(name);
                if (name.startsWith("OSGI-INF/") && name.endsWith(".xml") && name.indexOf('/', 9) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Document doc = factory.newDocumentBuilder().parse(in);
                        components.put(name, doc.getDocumentElement());
                    }
                }
            }
            return new BundleJarAssertions(manifest, components, entries);
        }
    }

    /** The main attributes of the jar's manifest. */
    public Attributes manifest() {
        return manifest;
    }

    /** The DS component descriptions directly in {@code OSGI-INF/}: path -> root element, in jar order. */
    public Map<String, Element> components() {
        return components;
    }

    /** Every entry name of the jar, in jar order. */
    public List<String> entries() {
        return entries;
    }

    /** The {@code .class} entry names of the jar. */
    public List<String> classEntries() {
        return entries.stream().filter(e -> e.endsWith(".class")).toList();
    }

    /** The implementation class name of a component description. */
    public static String implementation(Element component) {
        return ((Element) component.getElementsByTagName("implementation").item(0)).getAttribute("class");
    }

    /** The service interfaces a component description provides, in declaration order. */
    public static List<String> provided(Element component) {
        NodeList provides = component.getElementsByTagName("provide");
        List<String> result = new ArrayList<>();
        for (int i = 0; i < provides.getLength(); i++) {
            result.add(((Element) provides.item(i)).getAttribute("interface"));
        }
        return result;
    }

    /** The reference elements of a component description, in declaration order. */
    public static List<Element> references(Element component) {
        NodeList refs = component.getElementsByTagName("reference");
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < refs.getLength(); i++) {
            result.add((Element) refs.item(i));
        }
        return result;
    }

    /** The component implemented by {@code implementationClass}; fails the test when there is none. */
    public Element component(String implementationClass) {
        return components.values().stream().filter(c -> implementation(c).equals(implementationClass))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + implementationClass));
    }

    /** The components that provide {@code service} (among others). */
    public List<Element> componentsProviding(String service) {
        return components.values().stream().filter(c -> provided(c).contains(service)).toList();
    }

    /**
     * The manifest of a profile bundle: {@code Bundle-SymbolicName} is {@code symbolicName}, nothing is exported,
     * {@code Service-Component} lists exactly the component descriptions in {@code OSGI-INF/}, and
     * {@code Import-Package} names each of {@code importedPackages}.
     */
    public void assertProfileManifest(String symbolicName, String... importedPackages) {
        assertEquals(symbolicName, manifest.getValue("Bundle-SymbolicName"));
        assertNull(manifest.getValue("Export-Package"), "a profile bundle exports nothing");
        String serviceComponent = manifest.getValue("Service-Component");
        assertNotNull(serviceComponent);
        Set<String> declared = Arrays.stream(serviceComponent.split(","))
                .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(components.keySet()), declared);
        String imports = manifest.getValue("Import-Package");
        assertNotNull(imports, "Import-Package");
        for (String imported : importedPackages) {
            assertTrue(imports.contains(imported), imports);
        }
    }

    /** The jar holds exactly {@code expected} component descriptions. */
    public void assertComponentCount(int expected) {
        assertEquals(expected, components.size(), "components: " + components.keySet());
    }

    /**
     * A profile bundle of {@code componentCount} components, each with its own implementation class:
     * {@code profileClass} provides exactly {@link FeatureProfileProvider}, and exactly {@code handlerCount}
     * components provide exactly {@link ActionHandler}.
     */
    public void assertProfileComponentAndHandlers(String profileClass, int componentCount, int handlerCount) {
        assertComponentCount(componentCount);
        Map<String, List<String>> services = components.values().stream()
                .collect(Collectors.toMap(BundleJarAssertions::implementation, BundleJarAssertions::provided));
        assertEquals(List.of(FeatureProfileProvider.class.getName()), services.get(profileClass));
        long handlers = services.values().stream()
                .filter(s -> s.equals(List.of(ActionHandler.class.getName()))).count();
        assertEquals(handlerCount, handlers, "ActionHandler components: " + services);
    }

    /** The component implemented by {@code implementationClass} is immediate. */
    public void assertImmediate(String implementationClass) {
        assertEquals("true", component(implementationClass).getAttribute("immediate"));
    }

    /** The component has exactly one reference, which is returned. */
    public static Element singleReference(Element component) {
        List<Element> refs = references(component);
        assertEquals(1, refs.size(), "references of " + implementation(component));
        return refs.get(0);
    }

    /** Each attribute named in {@code expected} has the given value on {@code element}. */
    public static void assertAttributes(Element element, Map<String, String> expected) {
        for (Map.Entry<String, String> attribute : expected.entrySet()) {
            assertEquals(attribute.getValue(), element.getAttribute(attribute.getKey()), attribute.getKey());
        }
    }

    /** The jar holds the metatype description of {@code configClass} (binary name, e.g. {@code a.b.C$Config}). */
    public void assertMetatype(String configClass) {
        assertTrue(entries.contains("OSGI-INF/metatype/" + configClass + ".xml"), entries.toString());
    }

    /**
     * The {@link ActionHandler} components, instantiated with {@code factory}, answer each CSMS-initiated action of
     * {@code profile} (every action of the profile whose direction is not charge point to CSMS) exactly once.
     */
    public void assertOneHandlerPerCsmsAction(FeatureProfile profile, HandlerFactory factory) throws Exception {
        List<Action> actions = new ArrayList<>();
        for (Element component : componentsProviding(ActionHandler.class.getName())) {
            Object handler = factory.create(Class.forName(implementation(component)));
            actions.add(((ActionHandler<?, ?>) handler).action());
        }
        Set<Action> expected = Stream.of(Action.values())
                .filter(a -> a.profile() == profile && a.direction() != Direction.CHARGE_POINT_TO_CSMS)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        assertEquals(expected.size(), actions.size(), "one component per action: " + actions);
        assertEquals(expected, EnumSet.copyOf(actions));
    }

    /** As {@link #assertOneHandlerPerCsmsAction(FeatureProfile, HandlerFactory)}, with public no-argument constructors. */
    public void assertOneHandlerPerCsmsAction(FeatureProfile profile) throws Exception {
        assertOneHandlerPerCsmsAction(profile, type -> type.getConstructor().newInstance());
    }

    /** The jar holds at least {@code minimum} classes, all in {@code packageName} or below it. */
    public void assertEveryClassInPackage(String packageName, int minimum) {
        List<String> classes = classEntries();
        assertTrue(classes.size() >= minimum, classes.toString());
        String prefix = packageName.replace('.', '/') + "/";
        for (String entry : classes) {
            assertTrue(entry.startsWith(prefix), entry);
        }
    }
}
