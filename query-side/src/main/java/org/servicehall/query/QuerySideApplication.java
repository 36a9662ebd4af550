package org.servicehall.query;

import org.servicehall.platform.signin.SignInConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The read API: projections build views in MongoDB from the event store and answer queries from them, to signed-in
 * people and integrator clients.
 */
@SpringBootApplication
@Import(SignInConfiguration.class)
public class QuerySideApplication {

    /** Its settings live in {@code query-side.properties}, so both sides can share one classpath. */
    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
