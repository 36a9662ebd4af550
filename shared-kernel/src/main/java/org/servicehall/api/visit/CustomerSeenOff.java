package org.servicehall.api.visit;

public record CustomerSeenOff(String visitId, String staffId) {
}
