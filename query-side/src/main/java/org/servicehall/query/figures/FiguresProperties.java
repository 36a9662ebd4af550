package org.servicehall.query.figures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the service figures, under {@code hall.figures}.
 *
 * @param waitingTarget a visit that waited longer than this counts in "% waiting longer than the target"; applied
 *                      when figures are read, so changing it needs no rebuild
 */
@ConfigurationProperties("hall.figures")
record FiguresProperties(@DefaultValue("15m") Duration waitingTarget) {

    FiguresProperties {
        if (waitingTarget.isNegative() || waitingTarget.isZero()) {
            throw new IllegalArgumentException("hall.figures.waiting-target must be positive, not " + waitingTarget);
        }
    }
}
