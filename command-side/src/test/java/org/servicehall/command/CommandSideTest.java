package org.servicehall.command;

import org.servicehall.platform.personaldata.TestVault;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command side on a random port with a database of its own: an embedded server with a fresh file, or a fresh
 * database on the server {@code MONGODB_URI} names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "hall.data-dir=target/test-data/${random.uuid}",
                "hall.mongodb.database=test-${random.uuid}",
                TestVault.MASTER_KEY_PROPERTY})
public @interface CommandSideTest {
}
