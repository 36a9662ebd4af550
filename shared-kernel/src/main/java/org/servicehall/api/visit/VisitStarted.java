package org.servicehall.api.visit;

public record VisitStarted(String visitId, String hallId) {
}
