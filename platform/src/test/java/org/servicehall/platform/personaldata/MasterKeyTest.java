package org.servicehall.platform.personaldata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicehall.platform.HallProperties;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    @TempDir
    Path dataDir;

    private HallProperties hall(String mongodbUri) {
        return new HallProperties(new HallProperties.Mongodb(mongodbUri, "hall", 0, false), dataDir,
                                  new HallProperties.EventStore(Duration.ofSeconds(10), 100), null);
    }

    @Test
    void aConfiguredKeyIsUsedWhereverTheDataLives() {
        SecretKey key = MasterKey.resolve(TestVault.MASTER_KEY, hall("mongodb://db1/hall"));

        assertThat(key.getEncoded()).isEqualTo(Base64.getDecoder().decode(TestVault.MASTER_KEY));
        assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void withTheEmbeddedServerAndNoKeyOneIsGeneratedIntoTheDataDirectoryOnceAndKeptPrivate() throws Exception {
        SecretKey first = MasterKey.resolve("", hall(""));
        SecretKey second = MasterKey.resolve(null, hall(null));

        assertThat(first.getEncoded()).hasSize(32).isEqualTo(second.getEncoded());
        Path file = dataDir.resolve(MasterKey.FILE_NAME);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first.getEncoded());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void withMongodbUriAKeyIsRequired() {
        assertThatThrownBy(() -> MasterKey.resolve(" ", hall("mongodb://db1/hall")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MONGODB_URI is set, so HALL_PERSONAL_DATA_MASTER_KEY (property "
                                      + "hall.personal-data.master-key) must be set too");
        assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void aSideOnMongodbWithoutAKeyStopsBeforeAnythingTouchesTheDatabase() {
        MockEnvironment external = new MockEnvironment().withProperty("hall.mongodb.uri", "mongodb://db1/hall");
        MockEnvironment malformed = new MockEnvironment().withProperty(MasterKey.PROPERTY, "c2hvcnQ=");

        assertThatThrownBy(() -> environmentPrepared(external))
                .hasMessageStartingWith("MONGODB_URI is set, so HALL_PERSONAL_DATA_MASTER_KEY");
        assertThatThrownBy(() -> environmentPrepared(malformed)).hasMessageContaining("must be 32 bytes");
        environmentPrepared(external.withProperty(MasterKey.PROPERTY, TestVault.MASTER_KEY));
        environmentPrepared(new MockEnvironment());
    }

    private static void environmentPrepared(MockEnvironment environment) {
        new MasterKeyCheck().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedClearly() {
        assertThatThrownBy(() -> MasterKey.resolve("not base64!", hall("")))
                .hasMessageContaining("is not base64");
        assertThatThrownBy(() -> MasterKey.resolve(Base64.getEncoder().encodeToString(new byte[16]), hall("")))
                .hasMessageContaining("must be 32 bytes").hasMessageContaining("not 16");
    }
}
