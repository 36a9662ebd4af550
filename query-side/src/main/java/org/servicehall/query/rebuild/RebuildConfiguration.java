package org.servicehall.query.rebuild;

import org.servicehall.query.support.QueryProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RebuildProperties.class)
class RebuildConfiguration {

    /** A grace period within the generation cache's time to live could lose what a live processor wrote meanwhile. */
    RebuildConfiguration(RebuildProperties rebuilds, QueryProperties query) {
        if (rebuilds.gracePeriod().compareTo(query.generationCacheTtl()) <= 0) {
            throw new IllegalStateException("hall.rebuilds.grace-period (" + rebuilds.gracePeriod() + ") must be "
                    + "longer than hall.query.generation-cache-ttl (" + query.generationCacheTtl() + ")");
        }
        if (rebuilds.concurrency() < 1) {
            throw new IllegalStateException("hall.rebuilds.concurrency must be at least 1");
        }
    }
}
