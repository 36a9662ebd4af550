package org.servicehall.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.testing.TestMongo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both HTTP ports listen on loopback only unless {@code HALL_BIND_ADDRESS} opens them. Seen from the loopback range
 * itself: a port bound to 127.0.0.1 refuses connections to 127.0.0.2 (another address of this machine, as an
 * interface facing the hall network would be), a port bound to every interface takes them.
 */
class BindAddressTest {

    private final TestMongo mongo = TestMongo.external() ? TestMongo.start() : null;

    @AfterEach
    void dropDatabase() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void byDefaultBothSidesListenOnLoopbackOnly() throws IOException {
        try (Launcher launcher = start(Map.of())) {
            for (int port : ports(launcher)) {
                connect("127.0.0.1", port);
                assertThatThrownBy(() -> connect("127.0.0.2", port)).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void theBindAddressOpensThemToOtherInterfaces() throws IOException {
        try (Launcher launcher = start(Map.of("HALL_BIND_ADDRESS", "0.0.0.0"))) {
            for (int port : ports(launcher)) {
                connect("127.0.0.1", port);
                connect("127.0.0.2", port);
            }
        }
    }

    private Launcher start(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        if (mongo != null) {
            environment.put("MONGODB_URI", mongo.connectionString());
            environment.put("HALL_PERSONAL_DATA_MASTER_KEY", TestVault.MASTER_KEY);
        }
        environment.put("HALL_DATA_DIR", TestMongo.temporaryDirectory().toString());
        environment.put("COMMAND_SIDE_PORT", "0");
        environment.put("QUERY_SIDE_PORT", "0");
        return Launcher.start(environment);
    }

    private static List<Integer> ports(Launcher launcher) {
        return List.of(URI.create(launcher.commandSideUrl()).getPort(), URI.create(launcher.querySideUrl()).getPort());
    }

    private static void connect(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
        }
    }
}
