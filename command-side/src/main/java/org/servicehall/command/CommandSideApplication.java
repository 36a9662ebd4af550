package org.servicehall.command;

import org.servicehall.platform.commandapi.CommandApiConfiguration;
import org.servicehall.platform.signin.SignInConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The integrator API: commands in over HTTP from integrator clients signed in with their API keys, decided by the
 * aggregates, events into the event store.
 */
@SpringBootApplication
@Import({CommandApiConfiguration.class, SignInConfiguration.class})
public class CommandSideApplication {

    /** Its settings live in {@code command-side.properties}, so both sides can share one classpath. */
    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
