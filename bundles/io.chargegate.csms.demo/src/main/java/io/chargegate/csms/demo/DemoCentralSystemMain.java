package io.chargegate.csms.demo;

import io.chargegate.ocpp.model.types.RegistrationStatus;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link DemoCentralSystem} from the command line until the JVM is stopped (Ctrl-C):
 * <pre>
 * java -cp ... io.chargegate.csms.demo.DemoCentralSystemMain --port 8887 --block TAG1,TAG2
 * </pre>
 * Options: {@code --host}, {@code --port}, {@code --heartbeat-interval}, {@code --block} (comma separated idTags),
 * {@code --boot-status Accepted|Pending|Rejected}, {@code --call-timeout} (seconds), {@code --auth id=key}
 * (repeatable; enables Basic auth), {@code --keystore file.p12} and {@code --keystore-password} (TLS: the listener
 * becomes {@code wss://}), {@code --truststore file} (PEM or PKCS12: check client certificates against it) and
 * {@code --truststore-password}, {@code --require-client-cert} (no value: refuse charge points without a trusted
 * client certificate), {@code --help}. Frames are logged through SLF4J: put a provider such as
 * slf4j-simple on the class path to see them.
 */
public final class DemoCentralSystemMain {

    private static final Set<String> OPTIONS = Set.of("--host", "--port", "--heartbeat-interval", "--block",
            "--boot-status", "--call-timeout", "--auth", "--keystore", "--keystore-password", "--truststore",
            "--truststore-password");

    private DemoCentralSystemMain() {
    }

    /** Parses the options, starts the central system and waits until the JVM shuts down. */
    public static void main(String[] args) throws InterruptedException {
        DemoSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (settings == null) {
            usage(System.out);
            return;
        }
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            System.err.println("note: no SLF4J provider on the class path, frames are not logged (add slf4j-simple)");
        }
        DemoCentralSystem csms = DemoCentralSystem.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            csms.close();
            stopped.countDown();
        }, "csms-demo-shutdown"));
        System.out.println("Demo central system listening on " + csms.url() + "/<chargePointId> (Ctrl-C to stop)");
        stopped.await();
    }

    /** The settings for {@code args}; null when help was asked for. */
    static DemoSettings parse(String[] args) {
        DemoSettings s = DemoSettings.defaults();
        String keyStore = null;
        String keyStorePassword = null;
        String trustStore = null;
        String trustStorePassword = null;
        boolean requireClientCert = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (option.equals("--require-client-cert")) {
                requireClientCert = true;
                continue;
            }
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--host" -> s = s.withHost(value);
                case "--port" -> s = s.withPort(number(option, value));
                case "--heartbeat-interval" -> s = s.withHeartbeatInterval(number(option, value));
                case "--block" -> {
                    Set<String> tags = new LinkedHashSet<>(s.blockedIdTags());
                    Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(tags::add);
                    s = s.withBlockedIdTags(tags);
                }
                case "--boot-status" -> {
                    RegistrationStatus status = RegistrationStatus.fromValue(value);
                    if (status == null) {
                        throw new IllegalArgumentException("--boot-status must be Accepted, Pending or Rejected");
                    }
                    s = s.withBootStatus(status);
                }
                case "--call-timeout" -> s = s.withCallTimeout(Duration.ofSeconds(number(option, value)));
                case "--auth" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--auth needs chargePointId=key");
                    }
                    s = s.withAuthorizationKey(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--keystore" -> keyStore = value;
                case "--keystore-password" -> keyStorePassword = value;
                case "--truststore" -> trustStore = value;
                case "--truststore-password" -> trustStorePassword = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (keyStore == null) {
            if (keyStorePassword != null || trustStore != null || trustStorePassword != null || requireClientCert) {
                throw new IllegalArgumentException("--keystore-password, --truststore, --truststore-password and "
                        + "--require-client-cert need --keystore");
            }
            return s;
        }
        if (trustStore == null && (trustStorePassword != null || requireClientCert)) {
            throw new IllegalArgumentException("--truststore-password and --require-client-cert need --truststore");
        }
        ServerTls tls = ServerTls.of(Path.of(keyStore), keyStorePassword == null ? "" : keyStorePassword);
        return s.withTls(trustStore == null ? tls
                : tls.withClientCertificates(Path.of(trustStore), trustStorePassword, requireClientCert));
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number: " + value);
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: DemoCentralSystemMain [--host 127.0.0.1] [--port 8887] [--heartbeat-interval 60]");
        out.println("         [--block TAG1,TAG2] [--boot-status Accepted|Pending|Rejected] [--call-timeout 30]");
        out.println("         [--auth chargePointId=key ...]");
        out.println("         [--keystore server.p12 --keystore-password PW");
        out.println("          [--truststore clients.pem|clients.p12 [--truststore-password PW] [--require-client-cert]]]");
    }
}
