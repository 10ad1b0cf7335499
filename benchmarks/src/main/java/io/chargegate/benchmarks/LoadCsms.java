package io.chargegate.benchmarks;

import io.chargegate.csms.demo.ChargePointConnection;
import io.chargegate.csms.demo.DemoCentralSystem;
import io.chargegate.csms.demo.DemoSettings;
import io.chargegate.csms.demo.ReceivedMessage;
import io.chargegate.ocpp.model.messages.BootNotificationResponse;
import io.chargegate.ocpp.model.messages.MeterValuesRequest;
import io.chargegate.ocpp.model.messages.StartTransactionRequest;
import io.chargegate.ocpp.model.messages.StartTransactionResponse;
import io.chargegate.ocpp.model.messages.StatusNotificationRequest;
import io.chargegate.ocpp.model.messages.StopTransactionRequest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The demo central system as the child process of {@link StationLoad}: listens on an ephemeral port (printed as
 * {@code PORT <n>} on stdout), answers with the demo's default answers, and on the stdin command {@code dump} prints
 * one line per CALL received so far ({@code M <chargePointId> <action> <epoch µs> <detail>}, then {@code END}). The
 * command {@code cpu} prints {@code CPU <process CPU ns>}; {@code quit} (or stdin closing) stops it.
 */
public final class LoadCsms {
    private LoadCsms() {
    }

    /** {@code LoadCsms <heartbeatIntervalSeconds>}. */
    public static void main(String[] args) throws Exception {
        int heartbeat = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        try (DemoCentralSystem csms = DemoCentralSystem.start(DemoSettings.defaults().withPort(0)
                .withHeartbeatInterval(heartbeat))) {
            out.println("PORT " + csms.port());
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("dump")) {
                    for (ChargePointConnection cp : csms.chargePoints()) {
                        out.println("C " + cp.id() + " " + cp.connectCount() + " " + cp.isConnected());
                        for (ReceivedMessage m : cp.received()) {
                            out.println("M " + cp.id() + " " + m.action().wireName() + " " + micros(m.at()) + " " + detail(m));
                        }
                    }
                    out.println("END");
                } else if (line.equals("cpu")) {
                    out.println("CPU " + ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime());
                }
                out.flush();
            }
        }
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static String detail(ReceivedMessage m) {
        return switch (m.action()) {
            case BOOT_NOTIFICATION -> m.response() instanceof BootNotificationResponse r ? r.status().value() : "-";
            case STATUS_NOTIFICATION -> {
                StatusNotificationRequest s = m.request(StatusNotificationRequest.class);
                yield s.connectorId() + ":" + s.status().value();
            }
            case START_TRANSACTION -> {
                StartTransactionRequest s = m.request(StartTransactionRequest.class);
                yield s.idTag() + ":" + (m.response() instanceof StartTransactionResponse r ? r.transactionId() : -1);
            }
            case STOP_TRANSACTION -> Integer.toString(m.request(StopTransactionRequest.class).transactionId());
            case METER_VALUES -> {
                Integer tx = m.request(MeterValuesRequest.class).transactionId();
                yield tx == null ? "-" : tx.toString();
            }
            default -> "-";
        };
    }
}
