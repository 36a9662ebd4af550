package org.servicehall.query.security;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.servicehall.platform.web.ApiDocs;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who may call what, in the OpenAPI document: HTTP Basic as the security scheme; the compliance and admin paths
 * require it and document their 401 and 403; every other path takes it optionally (anonymous callers read as
 * analysts, with personal data masked).
 */
@Configuration
class SecurityApiDocs {

    static final String SCHEME = "basicAuth";

    @Bean
    OpenApiCustomizer securityInApiDocs() {
        AntPathMatcher paths = new AntPathMatcher();
        List<String> restricted = Stream.concat(Arrays.stream(SecurityConfiguration.COMPLIANCE_PATHS),
                                                Arrays.stream(SecurityConfiguration.ADMIN_PATHS)).toList();
        return openApi -> {
            ApiDocs.components(openApi)
                   .addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                           .description("Hall users (hall.security.users). Without credentials a caller reads as an "
                                        + "analyst, with personal data masked; compliance staff see it in clear."))
                   .addResponses("Unauthorized", ApiDocs.problemResponse(
                           "No credentials, or wrong ones (with WWW-Authenticate: Basic realm=\""
                                   + ProblemResponses.REALM + "\")",
                           Map.of("unauthorized", ApiDocs.problemExample(401, "Unauthorized",
                                   "/api/history/visits/0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42 needs a signed-in user "
                                           + "(HTTP Basic) with the right role", Map.of()))))
                   .addResponses("Forbidden", ApiDocs.problemResponse("The signed-in user lacks the role",
                           Map.of("forbidden", ApiDocs.problemExample(403, "Forbidden",
                                   "User 'analyst' (roles [ANALYST]) may not use /api/history/visits/"
                                           + "0b7e3e4a-5f1c-4d8e-9a51-2f0c6d1e8b42", Map.of()))));
            ApiDocs.forEachApiOperation(openApi, (path, method, operation) -> {
                if (restricted.stream().anyMatch(pattern -> paths.match(pattern, path))) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
                    ApiDocs.addResponse(operation, "401", "Unauthorized");
                    ApiDocs.addResponse(operation, "403", "Forbidden");
                } else {
                    operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(SCHEME)));
                }
            });
        };
    }
}
