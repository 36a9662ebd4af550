package org.servicehall.platform.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may call what on one side, in one place: the filter chain enforces it (by method and path, before a body is
 * read) and the OpenAPI document states it for every operation. Rules are tried in order; the first that matches a
 * request decides. A request no rule matches needs a signed-in caller of any kind (so it gets its 404 or 405).
 */
public final class AccessRules {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /**
     * @param method  the HTTP method, or null for any
     * @param pattern a path pattern: {@code /api/visits/{id}/greeting}, {@code /api/history/**}
     * @param kinds   the integrator clients that may call it
     * @param roles   the people that may call it
     */
    public record Rule(HttpMethod method, String pattern, Set<ClientKind> kinds, Set<Role> roles) {

        public Rule {
            kinds = kinds.isEmpty() ? EnumSet.noneOf(ClientKind.class) : EnumSet.copyOf(kinds);
            roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        }

        /** The operation as the tables write it: {@code POST /api/payments/{id}/refunds}. */
        public String operation() {
            return (method != null ? method.name() + " " : "") + pattern;
        }

        String[] authorities() {
            return Stream.concat(kinds.stream().map(ClientKind::authority), roles.stream().map(Role::authority))
                         .toArray(String[]::new);
        }

        /** Who may call it, in words: {@code integrator clients of kind PAYMENT_TERMINAL}. */
        public String callers() {
            List<String> parts = new ArrayList<>();
            if (kinds.size() == ClientKind.values().length) {
                parts.add("integrator clients of any kind");
            } else if (!kinds.isEmpty()) {
                parts.add("integrator clients of kind " + names(kinds));
            }
            if (!roles.isEmpty()) {
                parts.add("users with role " + names(roles));
            }
            return String.join(" and ", parts);
        }

        private static String names(Set<? extends Enum<?>> values) {
            return values.stream().map(Enum::name).collect(Collectors.joining(", "));
        }
    }

    private record Compiled(Rule rule, RequestMatcher requests, PathPattern paths) {
    }

    private final List<Compiled> rules;

    private AccessRules(List<Rule> rules) {
        this.rules = rules.stream().map(rule -> new Compiled(
                rule, PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern()),
                PARSER.parse(rule.pattern()))).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Rule> rules() {
        return rules.stream().map(Compiled::rule).toList();
    }

    /** The rule deciding an operation of the OpenAPI document ({@code path} as it writes it, with its variables). */
    public Optional<Rule> forOperation(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream().filter(compiled -> (compiled.rule().method() == null
                                                  || compiled.rule().method().name().equalsIgnoreCase(method))
                                                 && compiled.paths().matches(container))
                    .map(Compiled::rule).findFirst();
    }

    Optional<Rule> forRequest(HttpServletRequest request) {
        return rules.stream().filter(compiled -> compiled.requests().matches(request)).map(Compiled::rule)
                    .findFirst();
    }

    void applyTo(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Compiled compiled : rules) {
            requests.requestMatchers(compiled.requests()).hasAnyAuthority(compiled.rule().authorities());
        }
    }

    /** Why the caller is refused the request, for the 403. */
    String refusal(Caller caller, HttpServletRequest request) {
        Optional<Rule> rule = forRequest(request);
        String what = request.getMethod() + " " + request.getRequestURI();
        if (rule.isEmpty()) {
            return caller.described() + " may not use " + what;
        }
        if (caller.kind() == null && rule.get().roles().isEmpty()) {
            return caller.described() + " may not use " + what + ": commands come from integrator clients, "
                    + "signed in with their API key (X-Api-Key), not from people";
        }
        return caller.described() + " may not use " + what + " (" + rule.get().operation() + "): it is for "
                + rule.get().callers();
    }

    public static final class Builder {

        private final List<Rule> rules = new ArrayList<>();

        public Builder allow(HttpMethod method, String pattern, Set<ClientKind> kinds, Set<Role> roles) {
            rules.add(new Rule(method, pattern, kinds, roles));
            return this;
        }

        public Builder allowClients(HttpMethod method, String pattern, Set<ClientKind> kinds) {
            return allow(method, pattern, kinds, Set.of());
        }

        public Builder allowRoles(String pattern, Role... roles) {
            return allow(null, pattern, Set.of(), Set.of(roles));
        }

        public Builder allowEveryone(String pattern) {
            return allow(null, pattern, EnumSet.allOf(ClientKind.class), EnumSet.allOf(Role.class));
        }

        public AccessRules build() {
            return new AccessRules(rules);
        }
    }
}
