package org.servicehall.api.visit;

/** The customer walked in: the ticket machine or the guide's tablet opens a visit. */
public record StartVisit(String visitId,
                         String hallId) {
}
