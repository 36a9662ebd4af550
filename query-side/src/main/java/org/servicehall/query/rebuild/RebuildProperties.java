package org.servicehall.query.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of view rebuilds, under {@code hall.rebuilds.*}.
 *
 * @param gracePeriod      how long a rebuild goes on applying new events to the new generation after making it
 *                         active; longer than {@code hall.query.generation-cache-ttl}, so that whatever a live
 *                         processor of any instance still wrote to the old generation meanwhile reaches the new one
 * @param claimTimeout     after this without news from the instance running a rebuild (it renews its claim with
 *                         every progress report), another instance takes the rebuild over where it was
 * @param pollInterval     how often each instance looks for rebuilds to run or to take over
 * @param progressInterval how often a running rebuild stores its progress (and renews its claim)
 * @param concurrency      how many rebuilds one instance runs at once; more wait, or go to other instances
 */
@ConfigurationProperties("hall.rebuilds")
record RebuildProperties(@DefaultValue("10s") Duration gracePeriod, @DefaultValue("30s") Duration claimTimeout,
                         @DefaultValue("2s") Duration pollInterval, @DefaultValue("1s") Duration progressInterval,
                         @DefaultValue("1") int concurrency) {
}
