package org.servicehall.command.clients;

import org.servicehall.platform.signin.AccessRules;
import org.servicehall.platform.signin.Role;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who may call what on the command side: each command by the client kinds {@link ClientPermissions} names (people
 * send no commands), the admin endpoints by {@link Role#ADMIN}. Checked at startup against the endpoints that exist.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideSecurity {

    static final String ADMIN_PATHS = "/api/admin/**";
    private static final Set<RequestMethod> COMMAND_METHODS = Set.of(RequestMethod.POST, RequestMethod.PUT,
                                                                     RequestMethod.PATCH, RequestMethod.DELETE);

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
        return () -> {
            Set<String> endpoints = new TreeSet<>();
            for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
                for (String path : mapping.getPatternValues()) {
                    if (path.startsWith("/api/") && !path.startsWith("/api/admin/")) {
                        mapping.getMethodsCondition().getMethods().stream().filter(COMMAND_METHODS::contains)
                               .forEach(method -> endpoints.add(method.name() + " " + path));
                    }
                }
            }
            Set<String> missing = new TreeSet<>(endpoints);
            missing.removeAll(permissions.operations().keySet());
            Set<String> unknown = new TreeSet<>(permissions.operations().keySet());
            unknown.removeAll(endpoints);
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                throw new IllegalStateException("ClientPermissions must list exactly the command endpoints: "
                        + (missing.isEmpty() ? "" : "not in it " + missing + " (add each with the client kinds that "
                        + "send it) ") + (unknown.isEmpty() ? "" : "no such endpoint " + unknown));
            }
        };
    }
}
