package org.servicehall.platform.web;

import org.servicehall.platform.values.DueTimes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The settings of the HTTP APIs, under {@code hall.api.*}.
 *
 * @param title          the OpenAPI document's title (each side sets its own)
 * @param description    the OpenAPI document's description, Markdown
 * @param maxBodySize    the largest request body accepted, sent with a length or chunked (413 beyond)
 * @param maxHeaderCount the most request headers (431 beyond)
 * @param maxJsonDepth   how deeply a JSON body may nest arrays and objects (400 beyond)
 * @param occurredAt     how far {@code X-Occurred-At} may lie from the server's clock
 * @param dueTimes       the window of due times ({@code dueAt}, {@code appointmentAt}...)
 * @param idempotency    how {@code Idempotency-Key}s are kept
 * @param publicBaseUrl  where clients reach this side, for {@code Location} and the OpenAPI {@code servers} (see
 *                       {@link PublicBaseUrl}); empty: {@code http://localhost:<port>}
 */
@ConfigurationProperties("hall.api")
public record ApiProperties(@DefaultValue("Service hall") String title,
                            @DefaultValue("") String description,
                            @DefaultValue("256KB") DataSize maxBodySize,
                            @DefaultValue("50") int maxHeaderCount,
                            @DefaultValue("16") int maxJsonDepth,
                            @DefaultValue OccurredAt occurredAt,
                            @DefaultValue DueTimes dueTimes,
                            @DefaultValue Idempotency idempotency,
                            @DefaultValue("") String publicBaseUrl) {

    /**
     * @param maxSkew how far in the future a client's clock may run ahead of ours
     * @param maxAge  how long after the fact a client may still report something (offline terminals catching up)
     */
    public record OccurredAt(@DefaultValue("5m") Duration maxSkew, @DefaultValue("7d") Duration maxAge) {
    }

    /**
     * @param retention         how long a key and its response are kept after the response
     * @param inProgressTimeout after how long a key whose first request never finished (its instance died) may be
     *                          taken over by a retry
     * @param purgeInterval     how often expired keys are deleted (the embedded server ignores TTL indexes)
     */
    public record Idempotency(@DefaultValue("24h") Duration retention,
                              @DefaultValue("30s") Duration inProgressTimeout,
                              @DefaultValue("10m") Duration purgeInterval) {
    }
}
