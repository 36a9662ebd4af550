package org.servicehall.platform.signin;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * People signed in by an OIDC provider: their bearer token (a JWT) is verified by its signature against the issuer's
 * keys (fetched once and cached by the decoder, so a request costs a signature check, no call to the provider), its
 * issuer, audience and lifetime; the user's name and roles come from the configured claims.
 */
final class OidcTokens {

    private OidcTokens() {
    }

    static JwtDecoder decoder(SignInProperties.Oidc oidc, ResourceLoader resources) {
        OAuth2TokenValidator<Jwt> validator = validator(oidc);
        if (SignInProperties.Oidc.present(oidc.publicKeyLocation())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(oidc.publicKeyLocation(), resources))
                                                       .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (SignInProperties.Oidc.present(oidc.jwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        // Discovered on the first token, so a side starts while its provider is briefly unreachable.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(oidc.issuerUri());
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(SignInProperties.Oidc oidc) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(SignInProperties.Oidc.present(oidc.issuerUri())
                               ? JwtValidators.createDefaultWithIssuer(oidc.issuerUri()) : JwtValidators.createDefault());
        if (SignInProperties.Oidc.present(oidc.audience())) {
            validators.add(new JwtClaimValidator<Collection<String>>(
                    JwtClaimNames.AUD, audience -> audience != null && audience.contains(oidc.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(String location, ResourceLoader resources) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read hall.security.oidc.public-key-location " + location, e);
        }
    }

    /** The token's user: named by {@code name-claim}, with the roles {@code roles-claim} lists. */
    static Converter<Jwt, AbstractAuthenticationToken> converter(SignInProperties.Oidc oidc) {
        return jwt -> {
            String name = jwt.getClaimAsString(oidc.nameClaim());
            if (name == null || name.isBlank()) {
                throw new InvalidBearerTokenException("The token has no claim '" + oidc.nameClaim()
                                                      + "' (hall.security.oidc.name-claim), the user's name");
            }
            return new JwtAuthenticationToken(jwt, roles(jwt.getClaims(), oidc.rolesClaim()), name);
        };
    }

    /** The roles at a dotted claim path: a list of names, or one string of names separated by spaces or commas. */
    static List<GrantedAuthority> roles(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String segment : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(segment) : null;
        }
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String text ? Arrays.asList(text.split("[\\s,]+")) : List.of();
        Set<String> wanted = names.stream().map(name -> String.valueOf(name).toUpperCase(Locale.ROOT))
                                  .collect(Collectors.toSet());
        return Arrays.stream(Role.values()).filter(role -> wanted.contains(role.name()))
                     .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
    }
}
