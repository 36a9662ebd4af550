package org.servicehall.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * Where clients reach this side ({@code hall.api.public-base-url}), for the links it hands out: {@code Location}
 * headers and the OpenAPI document's {@code servers}. Never taken from the request: its {@code Host} (and any
 * {@code X-Forwarded-*}) header is whatever the caller typed, and a link built from it would send the next client
 * to the caller's host. Without the setting it is the side's own {@code http://localhost:<port>}.
 */
public final class PublicBaseUrl {

    private final UriComponents configured;
    private final Environment environment;

    PublicBaseUrl(String configured, Environment environment) {
        this.configured = configured == null || configured.isBlank() ? null : parse(configured.strip());
        this.environment = environment;
    }

    /** The base URL, without a trailing slash. */
    public String base() {
        return baseComponents().toUriString();
    }

    /**
     * A builder for a link below the current request's path, under the public base URL (the path is the one the
     * request was routed by; scheme, host and port are the configured ones).
     */
    public UriComponentsBuilder belowCurrentRequest() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        UriComponents base = baseComponents();
        return UriComponentsBuilder.newInstance().scheme(base.getScheme()).host(base.getHost()).port(base.getPort())
                                   .path(base.getPath()).path(request.getRequestURI());
    }

    private UriComponents baseComponents() {
        if (configured != null) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return UriComponentsBuilder.fromUriString("http://localhost:" + port).build();
    }

    private static UriComponents parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid(url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
            || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw invalid(url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return UriComponentsBuilder.newInstance().scheme(uri.getScheme()).host(uri.getHost()).port(uri.getPort())
                                   .path(path).build();
    }

    private static IllegalStateException invalid(String url) {
        return new IllegalStateException("hall.api.public-base-url must be an http or https URL such as "
                                         + "https://hall.example.cn/command, without query or credentials, not '"
                                         + url + "'");
    }
}
