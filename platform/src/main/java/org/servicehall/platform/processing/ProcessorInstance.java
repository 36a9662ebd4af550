package org.servicehall.platform.processing;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Who this instance is to the other instances of its side: the owner named on the segments' claims in the token
 * store, and the id of its heartbeat. Process and host tell an operator where it runs; the random part keeps two
 * instances in one JVM (the launcher's sides, a test's two query sides) and a restarted process apart, since a
 * claim's owner is trusted with the segment.
 *
 * @param application the side ({@code spring.application.name}): instances share only with their own side
 * @param id          {@code <side>@<pid>@<host>/<random>}
 */
public record ProcessorInstance(String application, String id) {

    public static ProcessorInstance of(String application) {
        return new ProcessorInstance(application, application + "@" + ManagementFactory.getRuntimeMXBean().getName()
                                                  + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
}
