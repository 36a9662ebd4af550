package org.servicehall.query.rebuild;

/** Where a rebuild of a view stands. */
public enum RebuildStatus {
    /** Requested; no instance runs it yet. */
    PENDING,
    /** Building the new generation from the history; queries are answered from the current one. */
    RUNNING,
    /** The new generation answers queries; the rebuild still applies new events to it for the grace period. */
    SWAPPED,
    /** Done: the new generation is the view. */
    COMPLETED,
    /** Stopped by an error (see {@code error}); before the swap the view stays as it was. */
    FAILED;

    boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
