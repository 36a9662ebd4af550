package org.servicehall.command;

import org.servicehall.platform.commandapi.CommandApiConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The integrator API: commands in over HTTP, decided by the aggregates, events into the event store. It has no
 * sign-in (it serves the hall network's integrators), so Spring Security, on the classpath when the launcher runs
 * both sides in one JVM for the query side's sake, stays off here.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@Import(CommandApiConfiguration.class)
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
