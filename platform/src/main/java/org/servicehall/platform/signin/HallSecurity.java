package org.servicehall.platform.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The sign-in both sides share, as one Spring Security filter chain built around a side's {@link AccessRules}:
 * <ul>
 * <li>integrator clients by API key ({@code X-Api-Key}), people by HTTP Basic (the configured users) or, with
 * {@code hall.security.oidc}, an OIDC bearer token; one credential per request ({@link CredentialHeaders});</li>
 * <li>no anonymous access but to health and (unless {@code api-docs-open=false}) the API description; other actuator
 * endpoints for admins; the rest as the access rules say;</li>
 * <li>failed sign-ins throttled ({@link SignInThrottle}), requests rate-limited per caller ({@link RateLimits});</li>
 * <li>401, 403 and 429 as problem+json ({@link SignInProblems}), security headers on every answer.</li>
 * </ul>
 * No sessions: every request carries its credentials, so there is no cookie to forge a request with (hence no CSRF
 * tokens) and a password is checked once per {@code password-cache.ttl}, not per request.
 */
public final class HallSecurity {

    /** The API's own answers: no scripts, no frames, nothing to load. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI: its own scripts and styles (it sets inline styles), data: images, the API description. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    private static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    private final SignInProperties properties;
    private final SignInThrottle throttle;
    private final AuthenticationManager passwordsAndKeys;
    private final AuthenticationManager tokens;
    private final ObjectMapper json;
    private final HandlerExceptionResolver problems;

    HallSecurity(SignInProperties properties, UserDetailsService users, ApiClients clients, JwtDecoder decoder,
                 ObjectMapper json, HandlerExceptionResolver problems) {
        this.properties = properties;
        this.json = json;
        this.problems = problems;
        this.throttle = new SignInThrottle(properties.throttle());
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        this.passwordsAndKeys = throttle.around(new ProviderManager(
                new RememberedPasswords(passwords, properties.passwordCache()), ApiKeyAuthentication.provider(clients)));
        if (decoder != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(OidcTokens.converter(properties.oidc()));
            this.tokens = throttle.around(new ProviderManager(jwt));
        } else {
            this.tokens = null;
        }
    }

    SecurityFilterChain filterChain(HttpSecurity http, AccessRules rules) throws Exception {
        SignInProblems answers = new SignInProblems(json, rules, tokens != null);
        AuthenticationFilter apiKeys = new AuthenticationFilter(passwordsAndKeys, ApiKeyAuthentication.converter());
        apiKeys.setSuccessHandler((request, response, authentication) -> {
        });
        apiKeys.setFailureHandler(new AuthenticationEntryPointFailureHandler(answers));
        apiKeys.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .anonymous(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .headers(this::headers)
            .authenticationManager(passwordsAndKeys)
            .httpBasic(basic -> basic.realmName(SignInProblems.REALM).authenticationEntryPoint(answers))
            .addFilterBefore(new CredentialHeaders(problems), LogoutFilter.class)
            .addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
            .addFilterAfter(new RateLimits(properties.rateLimit(), answers), AnonymousAuthenticationFilter.class)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(answers).accessDeniedHandler(answers))
            .authorizeHttpRequests(requests -> {
                // An error page or the rest of an asynchronous answer belongs to a request already let through.
                requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                requests.requestMatchers(HEALTH).permitAll();
                if (properties.apiDocsOpen()) {
                    requests.requestMatchers(API_DOCS).permitAll();
                }
                requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                rules.applyTo(requests);
                requests.anyRequest().authenticated();
            });
        if (tokens != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(answers).accessDeniedHandler(answers)
                    .jwt(jwt -> jwt.authenticationManager(tokens)));
        }
        return http.build();
    }

    /**
     * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'},
     * {@code Referrer-Policy: no-referrer}, {@code Cache-Control: no-store} (Spring Security's default cache headers)
     * and a content security policy: none at all for the API, one Swagger UI works with. HSTS is sent only over TLS,
     * which the deployment's edge terminates.
     */
    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher swaggerUi = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
        headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
               .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
               .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                       swaggerUi, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
               .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                       new NegatedRequestMatcher(swaggerUi), new ContentSecurityPolicyHeaderWriter(API_POLICY)));
    }

    /** Signs in a second person on a request, for the refund's authorisation. */
    SecondSignIn secondSignIn() {
        return new SecondSignIn(passwordsAndKeys, tokens);
    }
}
