package org.servicehall.platform.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How deadlines are fired, under {@code hall.deadlines.*}; see {@link MongoDeadlineManager}.
 *
 * @param pollInterval how often each instance looks for due deadlines (a deadline fires at most this late)
 * @param claimTimeout how long an instance may take to fire one deadline before another one may fire it again
 * @param retryBackoff the wait before the first retry of a failed deadline; it doubles up to five minutes
 * @param maxAttempts  attempts before a deadline is given up, logged as an error and kept marked {@code failedAt}
 */
@ConfigurationProperties("hall.deadlines")
public record DeadlineProperties(@DefaultValue("1s") Duration pollInterval,
                                 @DefaultValue("1m") Duration claimTimeout,
                                 @DefaultValue("2s") Duration retryBackoff,
                                 @DefaultValue("10") int maxAttempts) {
}
