package org.servicehall.query;

import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.signin.TestSignIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query side on a random port with a database of its own: an embedded server with a fresh file, or a fresh
 * database on the server {@code MONGODB_URI} names. The test users and clients of {@link TestSignIn} sign in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + QuerySideApplication.CONFIG_NAME,
                "hall.data-dir=target/test-data/${random.uuid}",
                "hall.mongodb.database=test-${random.uuid}",
                TestVault.MASTER_KEY_PROPERTY})
@TestPropertySource(locations = TestSignIn.PROPERTIES)
public @interface QuerySideTest {
}
