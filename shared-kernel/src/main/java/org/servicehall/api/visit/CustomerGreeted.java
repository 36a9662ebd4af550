package org.servicehall.api.visit;

public record CustomerGreeted(String visitId, String staffId) {
}
