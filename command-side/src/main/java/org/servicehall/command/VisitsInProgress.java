package org.servicehall.command;

/**
 * What the features that open something during a visit (a consultation, an application, a payment, a complaint) ask
 * of the visit, in their command's own unit of work: the visit feature loads the visit through its repository and
 * the visit decides. Its refusals are rule violations (409): {@code visit-not-found} for an id that is no visit,
 * {@code visit-over} for a visit that ended. Features depend on this, not on each other.
 */
public interface VisitsInProgress {

    /** Fails unless {@code visitId} is a visit still in progress. */
    void requireInProgress(String visitId);
}
