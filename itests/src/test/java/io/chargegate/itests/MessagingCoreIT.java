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

import io.chargegate.ocpp.model.Action;
import io.chargegate.ocpp.model.messages.HeartbeatRequest;
import io.chargegate.ocpp.model.messages.HeartbeatResponse;
import io.chargegate.ocpp.rpc.ErrorCode;
import io.chargegate.ocpp.rpc.Role;
import io.chargegate.ocpp.rpc.RpcSession;
import io.chargegate.ocpp.rpc.Transport;
import io.chargegate.ocpp.rpc.codec.Frame;
import io.chargegate.ocpp.rpc.codec.OcppCodec;

import javax.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
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

    @Test
    public void codecAndSessionWorkInsideTheFramework() throws Exception {
        OcppCodec codec = OcppCodec.strict();
        Frame frame = codec.decode("[2,\"m1\",\"Heartbeat\",{}]", id -> null);
        assertTrue(frame.toString(), frame instanceof Frame.Call);
        Frame bad = codec.decode("[2,\"m2\",\"Heartbeat\",{\"x\":1}]", id -> null);
        assertEquals(ErrorCode.FormationViolation, ((Frame.Invalid) bad).code());

        RpcSession cp = RpcSession.builder(Role.CHARGE_POINT).name("CP-IT").build();
        RpcSession csms = RpcSession.builder(Role.CENTRAL_SYSTEM).name("CSMS-IT").build();
        csms.addHandler(Action.HEARTBEAT, (HeartbeatRequest req) -> new HeartbeatResponse(Instant.parse("2026-01-01T00:00:00Z")));
        cp.onOpen(new Loopback(csms));
        csms.onOpen(new Loopback(cp));
        HeartbeatResponse hb = cp.call(new HeartbeatRequest()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), hb.currentTime());
        cp.dispose();
        csms.dispose();
    }

    /** Delivers every frame to the peer session on a separate thread, like a socket would. */
    private static final class Loopback implements Transport {
        private final RpcSession peer;
        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        Loopback(RpcSession peer) {
            this.peer = peer;
        }

        @Override
        public void send(String text) {
            thread.execute(() -> peer.onText(text));
        }

        @Override
        public void close() {
            thread.shutdown();
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
