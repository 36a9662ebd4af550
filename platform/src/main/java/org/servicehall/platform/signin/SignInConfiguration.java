package org.servicehall.platform.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import org.servicehall.platform.HallProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sign-in for a side, imported by its application class (both sides share a classpath in the launcher, each with its
 * own rules): the side declares its {@link AccessRules} bean, this builds the filter chain and the OpenAPI security
 * around it. On a real database (not the embedded default) a side refuses to start without users or an OIDC issuer,
 * and while the database holds a development key that still signs in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SignInProperties.class, HallProperties.class})
public class SignInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    /** Before any bean is made, so that a side without people to sign in says so first and only. */
    @Bean
    static BeanFactoryPostProcessor signInSettingsCheck(Environment environment) {
        return beanFactory -> {
            Binder settings = Binder.get(environment);
            boolean embeddedDefault = settings.bind("hall.mongodb", HallProperties.Mongodb.class)
                                              .map(HallProperties.Mongodb::embeddedDefault).orElse(true);
            Map<String, SignInProperties.User> users = settings.bind("hall.security.users",
                    Bindable.mapOf(String.class, SignInProperties.User.class)).orElse(Map.of());
            boolean oidc = settings.bind("hall.security.oidc", SignInProperties.Oidc.class)
                                   .map(SignInProperties.Oidc::configured).orElse(false);
            if (!embeddedDefault && users.isEmpty() && !oidc) {
                throw new IllegalStateException("MONGODB_URI is set, so the development users do not sign in: "
                        + "configure hall.security.users.<name>.password and .roles, or an OIDC issuer "
                        + "(hall.security.oidc.issuer-uri), so that people can sign in (see the README, \"Signing "
                        + "in\")");
            }
        };
    }

    @Bean
    ApiClients apiClients(MongoDatabaseFactory mongo, SignInProperties properties, HallProperties hall) {
        ApiClients clients = new ApiClients(mongo.getMongoDatabase(), properties.apiKeys(), Ticker.systemTicker(),
                                            Clock.systemUTC());
        properties.clients().forEach((id, client) -> clients.provision(id, required(client.kind(), id, "kind"),
                client.name() != null ? client.name() : id, keyHashes(id, client), false));
        if (!hall.mongodb().embeddedDefault()) {
            List<String> development = clients.activeDevelopmentKeys();
            if (!development.isEmpty()) {
                throw new IllegalStateException("MONGODB_URI is set and the database holds development API keys "
                        + "that still sign in (" + String.join(", ", development) + "): revoke them (POST "
                        + "/api/admin/clients/<client>/keys/<key>/revoke on a side started on the embedded default, "
                        + "or set revokedAt on them in the api_keys collection)");
            }
        } else if (properties.clients().isEmpty()) {
            DevelopmentSignIn.loadOrCreateKeys(hall.dataDir()).forEach((kind, key) -> clients.provision(
                    DevelopmentSignIn.clientId(kind), kind, "Development " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    List.of(ApiKeySecrets.hash(key)), true));
            log.warn("Embedded default without hall.security.clients: the development clients {} sign in with the "
                     + "keys in {}. Create real clients (/api/admin/clients) for any real use.",
                     Arrays.stream(ClientKind.values()).map(DevelopmentSignIn::clientId).toList(),
                     hall.dataDir().resolve(DevelopmentSignIn.FILE_NAME).toAbsolutePath());
        }
        return clients;
    }

    @Bean
    HallSecurity hallSecurity(SignInProperties properties, HallProperties hall, ApiClients clients,
                              ResourceLoader resources, ObjectMapper json,
                              @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return new HallSecurity(properties, users(properties, hall), clients,
                                properties.oidc().configured() ? OidcTokens.decoder(properties.oidc(), resources)
                                        : null, json, problems);
    }

    @Bean
    SecurityFilterChain hallSecurityFilterChain(HttpSecurity http, HallSecurity security, AccessRules rules)
            throws Exception {
        return security.filterChain(http, rules);
    }

    /**
     * What the security chain's firewall refuses (a method outside the usual ones, a path with {@code ..}, {@code //}
     * or an encoded slash) as an error Tomcat answers, so that {@code ProblemReportValve} writes it as problem+json
     * with the firewall's reason: 405 for a method, as Spring MVC would answer one it does not map, else 400.
     */
    @Bean
    RequestRejectedHandler rejectedRequests() {
        Set<String> methods = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
        return (request, response, rejected) -> response.sendError(methods.contains(request.getMethod()) ? 400 : 405,
                                                                   rejected.getMessage());
    }

    @Bean
    SecondSignIn secondSignIn(HallSecurity security) {
        return security.secondSignIn();
    }

    @Bean
    OpenApiCustomizer signInApiDocs(AccessRules rules) {
        return SignInApiDocs.customizer(rules);
    }

    static UserDetailsService users(SignInProperties properties, HallProperties hall) {
        Map<String, SignInProperties.User> users = properties.users();
        if (users.isEmpty() && hall.mongodb().embeddedDefault()) {
            log.warn("No hall.security.users configured: the development users {} (password = user name) sign in. "
                     + "Configure hall.security.users.<name>.password and .roles for any real use.",
                     DevelopmentSignIn.USERS.keySet());
            users = DevelopmentSignIn.USERS;
        }
        return new InMemoryUserDetailsManager(users.entrySet().stream()
                                                   .map(user -> userDetails(user.getKey(), user.getValue()))
                                                   .toList());
    }

    private static UserDetails userDetails(String name, SignInProperties.User user) {
        String property = "hall.security.users." + name;
        if (user.password() == null || !user.password().matches("\\{[a-z0-9]+}.+")) {
            throw new IllegalStateException(property + ".password must name its encoding and be non-empty, e.g. "
                                            + "{bcrypt}$2a$10$... (production) or {noop}secret (development)");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalStateException(property + ".roles must name at least one of " + List.of(Role.values()));
        }
        return User.withUsername(name).password(user.password())
                   .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                   .build();
    }

    private static List<String> keyHashes(String id, SignInProperties.Client client) {
        List<String> hashes = client.keyHashes() == null ? List.of() : client.keyHashes();
        for (String hash : hashes) {
            if (!ApiKeySecrets.HASH.matcher(hash).matches()) {
                throw new IllegalStateException("hall.security.clients." + id + ".key-hashes: '" + hash + "' is not "
                        + "sha256:<64 lower-case hex digits> (printf %s \"$KEY\" | sha256sum)");
            }
        }
        return hashes;
    }

    private static <T> T required(T value, String id, String setting) {
        if (value == null) {
            throw new IllegalStateException("hall.security.clients." + id + "." + setting + " is required, one of "
                                            + List.of(ClientKind.values()));
        }
        return value;
    }
}
