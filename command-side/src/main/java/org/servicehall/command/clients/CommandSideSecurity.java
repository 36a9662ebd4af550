package org.servicehall.command.clients;

import org.servicehall.platform.signin.AccessRules;
import org.servicehall.platform.signin.Role;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;


/**
 * Who may call what on the command side: each command by the client kinds {@link ClientPermissions} names (people
 * send no commands), the admin endpoints by {@link Role#ADMIN}. Checked at startup against the endpoints that exist.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideSecurity {

    static final String ADMIN_PATHS = "/api/admin/**";

    @Bean
    ClientPermissions clientPermissions() {
        return ClientPermissions.HALL;
    }

    @Bean
    AccessRules commandSideAccess(ClientPermissions permissions) {
        AccessRules.Builder rules = AccessRules.builder();
        permissions.operations().forEach((operation, kinds) -> {
            String[] methodAndPath = operation.split(" ", 2);
            rules.allowClients(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1], kinds);
        });
        return rules.allowRoles(ADMIN_PATHS, Role.ADMIN).build();
    }

    /** Every command endpoint is in the table, and every entry of the table is an endpoint. */
    @Bean
    SmartInitializingSingleton everyCommandInTheTable(
            ClientPermissions permissions,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        return () -> permissions.requireExactly(mappings);
    }
}
