package io.chargegate.itests;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import javax.inject.Inject;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.options;

/** The messaging core bundles resolve and work inside a real Felix framework, without any other ChargeGate bundle. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MessagingCoreIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(ChargeGateOptions.messagingCore());
    }

    @Test
    public void coreBundlesAreActive() {
        for (String bsn : new String[] {"io.chargegate.ocpp.model", "io.chargegate.ocpp.rpc"}) {
            Bundle b = find(bsn);
            assertNotNull(bsn + " installed", b);
            assertEquals(bsn + " active", Bundle.ACTIVE, b.getState());
        }
    }

    private Bundle find(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
