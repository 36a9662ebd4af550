package org.servicehall.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings both sides share, under {@code hall.*}.
 *
 * @param mongodb    where the data lives
 * @param dataDir    the directory of the embedded server's file (env {@code HALL_DATA_DIR})
 * @param eventStore how the event store reads
 * @param processors how the event processors' segments are shared among instances
 */
@ConfigurationProperties("hall")
public record HallProperties(@DefaultValue Mongodb mongodb,
                             @DefaultValue("data") Path dataDir,
                             @DefaultValue EventStore eventStore,
                             @DefaultValue Processors processors) {

    /**
     * @param uri            a MongoDB connection string (env {@code MONGODB_URI}); blank means the embedded server
     * @param database       the database, when the connection string names none
     * @param embeddedPort   the embedded server's port on 127.0.0.1; 0 picks a free one
     * @param launcherEmbedded set by the launcher when {@code uri} is the embedded server it started for both sides
     */
    public record Mongodb(String uri, @DefaultValue("hall") String database, @DefaultValue("0") int embeddedPort,
                          @DefaultValue("false") boolean launcherEmbedded) {

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }

        /**
         * Whether this side runs on the embedded default (no {@code MONGODB_URI}): its own embedded server or the
         * launcher's. Only there do the development users and keys sign in.
         */
        public boolean embeddedDefault() {
            return embedded() || launcherEmbedded;
        }
    }

    /**
     * @param gapTimeout how long a reserved but empty position may stay open before readers fence it
     * @param batchSize  commits read per query
     */
    public record EventStore(@DefaultValue("10s") Duration gapTimeout, @DefaultValue("100") int batchSize) {
    }

    /**
     * @param segments           segments per processor, when its tokens are first made
     * @param tokenClaimInterval how often a processor looks for segments to claim, or to give up
     * @param claimTimeout       after how long without a word from its owner a segment's claim may be taken over
     * @param heartbeatInterval  how often an instance says it is alive and what it holds
     * @param instanceTimeout    after how long without a heartbeat an instance no longer counts for the shares
     */
    public record Processors(@DefaultValue("4") int segments,
                             @DefaultValue("5s") Duration tokenClaimInterval,
                             @DefaultValue("10s") Duration claimTimeout,
                             @DefaultValue("2s") Duration heartbeatInterval,
                             @DefaultValue("10s") Duration instanceTimeout) {
    }
}
