package org.servicehall.platform.signin;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.servicehall.platform.web.ApiDocs;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call what, in the OpenAPI document, from the same {@link AccessRules} the filter chain enforces: the three
 * security schemes, and on every operation its requirement, its 401, 403 and 429 answers, and the client kinds and
 * roles that may call it (in its description and in {@value #CALLERS}).
 */
final class SignInApiDocs {

    static final String API_KEY = "apiKey";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String CALLERS = "x-callers";

    private SignInApiDocs() {
    }

    static OpenApiCustomizer customizer(AccessRules rules) {
        return openApi -> {
            ApiDocs.components(openApi)
                   .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                           .in(SecurityScheme.In.HEADER).name(ApiKeyAuthentication.HEADER)
                           .description("An integrator client's API key (shk_...), from an admin "
                                        + "(/api/admin/clients on the command side); its client id is recorded on "
                                        + "every event, its kind decides what it may send"))
                   .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                           .description("A person: a configured user (hall.security.users) and their roles"))
                   .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                           .bearerFormat("JWT")
                           .description("A person signed in by the OIDC provider (hall.security.oidc): its token, "
                                        + "with the user's roles in the configured claim"))
                   .addResponses("Unauthorized", ApiDocs.problemResponse(
                           "No credentials, or wrong ones: an unknown or revoked API key, a wrong password, an "
                                   + "invalid or expired token (with WWW-Authenticate)",
                           Map.of("noCredentials", ApiDocs.problemExample(401, "Unauthorized",
                                           "/api/visits needs a signed-in caller: an integrator client's API key "
                                                   + "(X-Api-Key), or a user's HTTP Basic credentials", Map.of()),
                                  "wrongKey", ApiDocs.problemExample(401, "Unauthorized", "The API key is not "
                                          + "valid: unknown, revoked, or its client is disabled", Map.of()))))
                   .addResponses("Forbidden", ApiDocs.problemResponse(
                           "Signed in, but not someone who may call this (see x-callers)",
                           Map.of("wrongKind", ApiDocs.problemExample(403, "Forbidden", "Client 'ticket-machine-1' "
                                           + "(a TICKET_MACHINE) may not use POST /api/payments/0b7e3e4a-5f1c-4d8e-"
                                           + "9a51-2f0c6d1e8b42/refunds (POST /api/payments/{id}/refunds): it is for "
                                           + "integrator clients of kind PAYMENT_TERMINAL", Map.of()),
                                  "person", ApiDocs.problemExample(403, "Forbidden", "User 'analyst' (roles "
                                          + "[ANALYST]) may not use POST /api/visits: commands come from integrator "
                                          + "clients, signed in with their API key (X-Api-Key), not from people",
                                                                   Map.of()))))
                   .addResponses("TooManyRequests", tooManyRequests());
            ApiDocs.forEachApiOperation(openApi, (path, method, operation) -> {
                AccessRules.Rule rule = rules.forOperation(method.name(), path).orElse(new AccessRules.Rule(
                        null, path, EnumSet.allOf(ClientKind.class), EnumSet.allOf(Role.class)));
                List<SecurityRequirement> security = new ArrayList<>();
                if (!rule.kinds().isEmpty()) {
                    security.add(new SecurityRequirement().addList(API_KEY));
                }
                if (!rule.roles().isEmpty()) {
                    security.add(new SecurityRequirement().addList(BASIC));
                    security.add(new SecurityRequirement().addList(BEARER));
                }
                operation.setSecurity(security);
                Map<String, Object> callers = new LinkedHashMap<>();
                callers.put("clientKinds", rule.kinds().stream().map(Enum::name).toList());
                callers.put("roles", rule.roles().stream().map(Enum::name).toList());
                operation.addExtension(CALLERS, callers);
                String who = "Who may call it: " + rule.callers() + ".";
                operation.setDescription(operation.getDescription() == null ? who
                                                 : operation.getDescription() + "\n\n" + who);
                ApiDocs.addResponse(operation, "401", "Unauthorized");
                ApiDocs.addResponse(operation, "403", "Forbidden");
                ApiDocs.addResponse(operation, "429", "TooManyRequests");
            });
        };
    }

    private static io.swagger.v3.oas.models.responses.ApiResponse tooManyRequests() {
        io.swagger.v3.oas.models.responses.ApiResponse response = ApiDocs.problemResponse(
                "Too many requests from this client or user (hall.security.rate-limit), or too many failed "
                        + "sign-ins for this user or from this address (hall.security.throttle); retry after "
                        + "Retry-After seconds",
                Map.of("rateLimited", ApiDocs.problemExample(429, "Too many requests", "Client 'ticket-machine-1' "
                        + "may make 600 requests per 1m; retry after 1 s", Map.of()),
                       "throttled", ApiDocs.problemExample(429, "Too many requests", "Too many failed sign-ins for "
                               + "this user or from this address: further attempts are refused, the right ones too, "
                               + "until the window has passed; retry after 240 s", Map.of())));
        response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().schema(new IntegerSchema()).example(240)
                .description("Seconds to wait before trying again"));
        return response;
    }
}
