package org.servicehall.platform.signin;

import org.junit.jupiter.api.Test;
import org.servicehall.platform.testing.TestMongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentSignInTest {

    @Test
    void oneKeyPerKindIsMadeOnceIntoAFileOnlyItsOwnerReads() throws Exception {
        Path data = TestMongo.temporaryDirectory();

        Map<ClientKind, String> keys = DevelopmentSignIn.loadOrCreateKeys(data);
        Map<ClientKind, String> again = DevelopmentSignIn.loadOrCreateKeys(data);

        assertThat(keys).containsOnlyKeys(ClientKind.values()).isEqualTo(again);
        assertThat(keys.values()).allSatisfy(key -> assertThat(key).startsWith("shk_").hasSize(47)).doesNotHaveDuplicates();
        Path file = data.resolve(DevelopmentSignIn.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("TICKET_MACHINE_KEY=" + keys.get(ClientKind.TICKET_MACHINE) + "\n");
        assertThat(DevelopmentSignIn.readKeys(data)).contains(keys);
        assertThat(DevelopmentSignIn.readKeys(TestMongo.temporaryDirectory())).isEmpty();
        assertThat(DevelopmentSignIn.clientId(ClientKind.PAYMENT_TERMINAL)).isEqualTo("dev-payment-terminal");
    }
}
