package org.servicehall.query.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The query side's settings for reads, under {@code hall.query.*}.
 *
 * @param awaitTimeout how long a read with {@code X-Await-Position} waits for its views before it answers anyway
 *                     (with {@code X-View-Behind: true})
 * @param awaitLimit   how many reads of this instance may wait at once (each holds a worker thread); beyond, a read
 *                     answers at once
 * @param awaitLimitPerCaller how many of those one caller may have (the user signed in, else the remote address)
 * @param sse          live updates over Server-Sent Events
 * @param generationCacheTtl how long an instance goes on using the generations of views it read last (see
 *                     {@link ViewGenerations}): after a rebuild makes a new generation active, reads and live
 *                     processors of other instances move to it within this time
 */
@ConfigurationProperties("hall.query")
public record QueryProperties(@DefaultValue("5s") Duration awaitTimeout, @DefaultValue("50") int awaitLimit,
                              @DefaultValue("5") int awaitLimitPerCaller, @DefaultValue Sse sse,
                              @DefaultValue("2s") Duration generationCacheTtl) {

    /**
     * @param heartbeat how often an idle stream sends a comment, so proxies keep the connection and a client that went
     *                  away is noticed
     * @param resync    how often a stream re-reads its view and sends it if it changed: updates are pushed at once by
     *                  the instance that processed the event, so this bounds the delay for clients connected to
     *                  another instance; zero turns it off
     * @param timeout   how long one connection lasts; the client's {@code EventSource} then reconnects and gets the
     *                  current view again (which also spreads clients over instances)
     */
    public record Sse(@DefaultValue("15s") Duration heartbeat, @DefaultValue("2s") Duration resync,
                      @DefaultValue("30m") Duration timeout) {
    }
}
