package org.servicehall.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request that is not well formed before anything reads it, on both sides, with one 400 naming every bad
 * header and parameter: a header value with control characters, an {@code Accept} that is no list of media types; a
 * query string that is not percent-encoded UTF-8 ({@code %ZZ}, an overlong {@code %C0%AF}: Tomcat drops such a
 * parameter silently), has more parameters than {@code server.tomcat.max-parameter-count}, or a parameter name or value
 * with control characters or unassigned code points. (Spring Security's firewall refuses the same characters later,
 * as the request is read, which would end in a 500.) Form bodies are refused (415; the APIs take JSON), a body
 * announced larger than {@code hall.api.max-body-size} too (413), and every other body is handed on wrapped in a
 * {@link CheckedBody}, which refuses it as it is read if it grows larger than that, or, for JSON, is not JSON's bytes
 * (or comes in another charset than UTF-8: 415). JSON is answered in UTF-8, whatever charset {@code Accept} names.
 */
final class WellFormedRequests extends OncePerRequestFilter {

    private static final String CONTROL_CHARACTERS = "must not hold control characters";

    private final ApiProperties properties;
    private final int maxParameterCount;
    private final HandlerExceptionResolver problems;

    WellFormedRequests(ApiProperties properties, int maxParameterCount, HandlerExceptionResolver problems) {
        this.properties = properties;
        this.maxParameterCount = maxParameterCount;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType contentType = contentType(request);
        Exception refused = refusedBody(request, contentType, properties);
        if (refused == null) {
            List<InvalidField> errors = new ArrayList<>(headerErrors(request));
            errors.addAll(queryErrors(request));
            refused = errors.isEmpty() ? null : new InvalidInput(errors);
        }
        if (refused != null) {
            // answered as problem+json whatever the client accepts: its Accept may be what is wrong
            problems.resolveException(new WithoutAccept(request), response, null, refused);
            return;
        }
        chain.doFilter(new CheckedRequest(request, properties, json(contentType), utf8Only(request)), response);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            return null; // Spring MVC answers it with a 415
        }
    }

    private static RefusedBody refusedBody(HttpServletRequest request, MediaType contentType, ApiProperties limits) {
        if (request.getContentLengthLong() > limits.maxBodySize().toBytes()) {
            return RefusedBody.tooLarge(limits.maxBodySize());
        }
        if (contentType == null) {
            return null;
        }
        boolean form = MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)
                || MediaType.MULTIPART_FORM_DATA.includes(contentType);
        boolean notUtf8 = json(contentType) && contentType.getCharset() != null
                && !StandardCharsets.UTF_8.equals(contentType.getCharset());
        return form || notUtf8 ? RefusedBody.notSupported(request.getContentType()) : null;
    }

    /**
     * The {@code Accept} header with no charset on its JSON types, or null if it has none: JSON is UTF-8 (RFC 8259),
     * and asked for in UTF-16 some reads would fail to write at all.
     */
    private static String utf8Only(HttpServletRequest request) {
        List<MediaType> accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        if (accepted.stream().noneMatch(type -> json(type) && type.getCharset() != null)) {
            return null;
        }
        return MediaType.toString(accepted.stream().map(type -> {
            if (!json(type) || type.getCharset() == null) {
                return type;
            }
            Map<String, String> parameters = new LinkedHashMap<>(type.getParameters());
            parameters.keySet().removeIf("charset"::equalsIgnoreCase);
            return new MediaType(type.getType(), type.getSubtype(), parameters);
        }).toList());
    }

    private static boolean json(MediaType contentType) {
        return contentType != null && (MediaType.APPLICATION_JSON.includes(contentType)
                || "json".equals(contentType.getSubtypeSuffix()));
    }

    /**
     * Every header value with a control character (Tomcat decodes header bytes as ISO-8859-1: C1 controls too), and an
     * {@code Accept} that is no list of media types (Spring would answer 406 without a body, able to write none).
     */
    private static List<InvalidField> headerErrors(HttpServletRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        try {
            MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            errors.add(InvalidField.header(HttpHeaders.ACCEPT, "must be a list of media types, e.g. "
                    + "application/json", String.join(", ", accept)));
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    errors.add(InvalidField.header(name, CONTROL_CHARACTERS, value));
                    break;
                }
            }
        }
        return errors;
    }

    private List<InvalidField> queryErrors(HttpServletRequest request) {
        List<InvalidField> errors = new ArrayList<>(encodingErrors(request.getQueryString()));
        Map<String, String[]> parameters = request.getParameterMap();
        if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null && errors.isEmpty()) {
            Object reason = request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR);
            errors.add(new InvalidField(null, "query", reason == Parameters.FailReason.TOO_MANY_PARAMETERS
                    ? "has more than " + maxParameterCount + " parameters (server.tomcat.max-parameter-count)"
                    : "is not a well-formed query string (name=value pairs separated by &)", null, null));
        }
        parameters.forEach((name, values) -> {
            if (!wellFormed(name)) {
                errors.add(new InvalidField(name, "query", "is not a parameter name: " + CONTROL_CHARACTERS
                        + " or unassigned code points", null, null));
            } else {
                for (String value : values) {
                    if (!wellFormed(value)) {
                        errors.add(new InvalidField(name, "query", CONTROL_CHARACTERS + " or unassigned code points",
                                                    value, null));
                        break;
                    }
                }
            }
        });
        return errors;
    }

    /** The parts of the raw query string that are not percent-encoded UTF-8, each named by its raw name. */
    private static List<InvalidField> encodingErrors(String query) {
        List<InvalidField> errors = new ArrayList<>();
        if (query == null) {
            return errors;
        }
        for (String part : query.split("&")) {
            if (!percentEncodedUtf8(part)) {
                int equals = part.indexOf('=');
                errors.add(new InvalidField(equals >= 0 ? part.substring(0, equals) : part, "query",
                                            "is not percent-encoded UTF-8 (each % is followed by two hex digits, "
                                                    + "and the bytes are UTF-8)", part, null));
            }
        }
        return errors;
    }

    private static boolean percentEncodedUtf8(String part) {
        ByteBuffer bytes = ByteBuffer.allocate(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2))) {
                    return false;
                }
                bytes.put((byte) HexFormat.fromHexDigits(part, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7F) {
                return false; // Tomcat refuses unencoded bytes above ASCII before this
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                  .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean wellFormed(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || !Character.isDefined(c));
    }

    /** The request as if it accepted anything: a refusal is problem+json. */
    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }

    /** The request with its body checked as it is read, and JSON accepted in UTF-8 only. */
    private static final class CheckedRequest extends HttpServletRequestWrapper {

        private final ApiProperties properties;
        private final boolean json;
        private final String accept;
        private ServletInputStream body;

        /** @param accept the Accept header to go by, or null for the request's */
        CheckedRequest(HttpServletRequest request, ApiProperties properties, boolean json, String accept) {
            super(request);
            this.properties = properties;
            this.json = json;
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return accept != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return accept != null && HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CheckedBody(super.getInputStream(), properties.maxBodySize(), json);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
