package io.chargegate.itests;

import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.AuthorizationRequest;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.Ftplet;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Apache FtpServer on 127.0.0.1 (a free port) with one user ({@value #USER} / {@value #PASSWORD}, write
 * permission) whose home is a folder of the test. It logs the commands that matter to the tests with the reply code
 * they got ({@code "PASS 530"}, {@code "RETR fw.bin 226"}, {@code "STOR upload/x.zip 226"}; never a password).
 * Inside Felix the probe reaches the ftpserver-core, ftplet-api and mina-core bundles through its
 * {@code DynamicImport-Package: *} ({@link FirmwareSupport#ftpServer()} provisions them), so only their exported
 * packages can be used: not {@code org.apache.ftpserver.impl} nor {@code org.apache.ftpserver.usermanager.impl}
 * (hence the own {@link FtpUser} instead of {@code BaseUser}, and the port from the {@link Listener}).
 */
final class FtpFileServer implements AutoCloseable {

    static final String USER = "fw";
    static final String PASSWORD = "s3cret-ftp";
    private static final List<String> LOGGED = List.of("USER", "PASS", "RETR", "STOR");

    private final FtpServer server;
    private final int port;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    /** Starts the server with {@code home} (an existing folder) as the user's home; {@link #close} stops it. */
    FtpFileServer(Path home) throws FtpException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        Listener bound = listener.createListener();
        factory.addListener("default", bound);

        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        userManager.save(new FtpUser(USER, PASSWORD, home.toString()));
        factory.setUserManager(userManager);

        Map<String, Ftplet> ftplets = new LinkedHashMap<>();
        ftplets.put("commandLog", new CommandLog(commands));
        factory.setFtplets(ftplets);

        server = factory.createServer();
        server.start();
        port = bound.getPort(); // the port bound for 0
    }

    /** {@code ftp://user:password@127.0.0.1:<port><path>}. */
    String url(String user, String password, String path) {
        return "ftp://" + user + ":" + password + "@127.0.0.1:" + port + path;
    }

    /** {@code ftp://fw:<password>@127.0.0.1:<port><path>} with the right password. */
    String url(String path) {
        return url(USER, PASSWORD, path);
    }

    /** The logged commands so far whose name is {@code command} (e.g. {@code "PASS"}), oldest first. */
    List<String> commands(String command) {
        List<String> result = new ArrayList<>();
        for (String c : commands) {
            if (c.equals(command) || c.startsWith(command + " ")) {
                result.add(c);
            }
        }
        return result;
    }

    /** Every logged command so far, oldest first (for assertion messages). */
    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * A user that may do everything (write, any number of logins, no rate limit): the user manager stores what
     * {@link #authorize} grants and answers logins with its own user built from that.
     */
    private record FtpUser(String name, String password, String home) implements User {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public List<? extends Authority> getAuthorities() {
            return List.of();
        }

        @Override
        public List<? extends Authority> getAuthorities(Class<? extends Authority> type) {
            return List.of();
        }

        @Override
        public AuthorizationRequest authorize(AuthorizationRequest request) {
            return request;
        }

        @Override
        public int getMaxIdleTime() {
            return 0;
        }

        @Override
        public boolean getEnabled() {
            return true;
        }

        @Override
        public String getHomeDirectory() {
            return home;
        }
    }

    /** Records USER, PASS (without its argument), RETR and STOR with the reply code the server sent. */
    private static final class CommandLog extends DefaultFtplet {
        private final List<String> log;

        CommandLog(List<String> log) {
            this.log = log;
        }

        @Override
        public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply)
                throws FtpException, IOException {
            String command = request.getCommand() == null ? "" : request.getCommand().toUpperCase(Locale.ROOT);
            if (LOGGED.contains(command)) {
                String argument = command.equals("PASS") || !request.hasArgument() ? "" : " " + request.getArgument();
                log.add(command + argument + " " + (reply == null ? "-" : Integer.toString(reply.getCode())));
            }
            return super.afterCommand(session, request, reply);
        }
    }
}
