package io.chargegate.profile.smartcharging.internal;

import io.chargegate.ocpp.model.FeatureProfile;
import io.chargegate.profile.testsupport.BundleJarAssertions;
import io.chargegate.station.api.ActionHandler;
import io.chargegate.station.api.FeatureProfileProvider;
import io.chargegate.station.api.Station;
import io.chargegate.station.api.TransactionListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Map;

import static io.chargegate.profile.testsupport.BundleJarAssertions.assertAttributes;
import static io.chargegate.profile.testsupport.BundleJarAssertions.provided;
import static io.chargegate.profile.testsupport.BundleJarAssertions.singleReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inspects the bundle jar bnd built in the package phase (failsafe passes its path as {@code bundle.jar}): the
 * manifest, the four DS component descriptions (the core component and three handlers) and the metatype.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartChargingBundleIT {

    private static final String PACKAGE = "io.chargegate.profile.smartcharging.internal.";

    private BundleJarAssertions jar;

    @BeforeAll
    void readJar() throws Exception {
        jar = BundleJarAssertions.fromSystemProperty();
    }

    @Test
    void manifestNamesTheBundleExportsNothingAndListsFourComponents() {
        jar.assertProfileManifest("io.chargegate.profile.smartcharging",
                "io.chargegate.station.api", "io.chargegate.ocpp.rpc.codec");
        jar.assertComponentCount(4);
    }

    @Test
    void coreComponentIsImmediateProvidesProfileAndListenerAndTracksStations() {
        Element core = jar.component(PACKAGE + "SmartChargingService");
        assertEquals("true", core.getAttribute("immediate"));
        assertEquals("deactivate", core.getAttribute("deactivate"));
        assertEquals(SmartChargingService.PID, core.getAttribute("configuration-pid"));
        assertEquals(List.of(PACKAGE + "SmartChargingService", FeatureProfileProvider.class.getName(),
                TransactionListener.class.getName()), provided(core));
        assertAttributes(singleReference(core), Map.of(
                "interface", Station.class.getName(),
                "cardinality", "0..n",
                "policy", "dynamic",
                "bind", "addStation",
                "unbind", "removeStation"));
    }

    @Test
    void metatypeDescribesTheElectricalConstants() {
        jar.assertMetatype(PACKAGE + "SmartChargingService$Config");
    }

    @Test
    void handlersReferenceTheCoreComponentAndAnswerEachSmartChargingActionOnce() throws Exception {
        for (Element component : jar.componentsProviding(ActionHandler.class.getName())) {
            assertEquals(List.of(ActionHandler.class.getName()), provided(component));
            Element reference = singleReference(component);
            assertEquals(PACKAGE + "SmartChargingService", reference.getAttribute("interface"));
            assertTrue(List.of("", "static").contains(reference.getAttribute("policy")), "static reference");
            assertTrue(List.of("", "1..1").contains(reference.getAttribute("cardinality")), "mandatory reference");
        }
        SmartChargingService service = new SmartChargingService(Settings.defaults(), (task, delay) -> () -> { });
        jar.assertOneHandlerPerCsmsAction(FeatureProfile.SMART_CHARGING,
                type -> type.getConstructor(SmartChargingService.class).newInstance(service));
    }

    @Test
    void everyClassIsInTheInternalPackage() {
        jar.assertEveryClassInPackage("io.chargegate.profile.smartcharging.internal", 10);
    }
}
