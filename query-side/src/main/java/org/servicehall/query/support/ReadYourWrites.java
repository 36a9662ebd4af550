package org.servicehall.query.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read endpoint (a controller method, or every method of a controller) whose views are built by the named
 * processing groups. A request to it may carry {@code X-Await-Position: <n>} (or {@code ?awaitPosition=<n>}), the
 * {@code X-Event-Position} a command returned: it then waits, at most {@code hall.query.await-timeout}, until those
 * groups have handled position {@code n} (see {@link ViewPositions}), and answers with {@code X-View-Behind: false},
 * or, when the time is up, answers anyway with {@code X-View-Behind: true}. A malformed position is a 400, and so is
 * one beyond the event store's head; how many reads wait at once is bounded (see {@link AwaitPositionInterceptor}).
 * <pre>
 * &#64;ReadYourWrites("complaints")
 * &#64;GetMapping("/api/complaints/{id}")
 * ComplaintView complaint(&#64;PathVariable String id) { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadYourWrites {

    /** The processing groups behind the endpoint, e.g. {@code "visit-timeline"}. */
    String[] value();
}
